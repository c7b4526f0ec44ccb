" Vim syntax file for Joinery models (.joinery), for Vim and Neovim.
" Language: Joinery (../shared/spec/LANGUAGE.md)
" Every word keyword of grammar/joinery.langium is listed here; a test checks it.
" Use: add this folder (editors/vim) to 'runtimepath'; see README.md, "Other editors".

if exists('b:current_syntax')
  finish
endif

" Declarations: the keyword that starts each one.
syntax keyword joineryDeclaration domain actor arrangement forum budget system link team service channel referral goal indicator agreement direction

" Properties.
syntax keyword joineryProperty level sector kind in logic represents partners stage governance lead leader voting advisory controls from funds owner shares staff uses area leads for function measures between covers chair scrutinises users term until review profile version date
syntax match joineryProperty /\<vice-chair\>/
syntax match joineryProperty /\<reports\s\+to\>/
syntax match joineryProperty /\<held\s\+by\>/
syntax match joineryProperty /\<delivered\s\+by\>/
syntax match joineryProperty /\<reported\s\+by\>/
syntax match joineryProperty /\<decides\s\+by\>/
syntax match joineryProperty /\<has\s\+regard\s\+to\>/
syntax match joineryProperty /\<advisory\s\+by\s\+law\>/
" Words of properties of several words on their own (while being typed).
syntax keyword joineryProperty reports to held by delivered reported decides has regard law

" Flags.
syntax keyword joineryFlag merged colocated body
syntax match joineryFlag /\<two-way\>/

" Listed values: levels, sectors, kinds, logics, governance, decision rules, budget terms, delivery bases, channel and indicator kinds.
syntax keyword joineryValue macro meso micro
syntax keyword joineryValue government statutory third independent community
syntax keyword joineryValue organisation network role people
syntax keyword joineryValue efficiency professional market
syntax match joineryValue /\<person-centred\>/
syntax keyword joineryValue command process
syntax keyword joineryValue board commissioning planning engagement learning operational
syntax keyword joineryValue pooled aligned delegated separate grant
syntax keyword joineryValue seat representation consultation reporting informal
syntax keyword joineryValue output outcome experience
syntax keyword joineryValue committee vote consensus recurrent fixed contracted
syntax match joineryValue /\<fee-funded\>/

syntax match joineryNumber /-\?\<\d\+\(\.\d\+\)\?[A-Za-z_]*\>/
" A date (`until 2027-03-31`, `review 2026-03-31`): after the number, so it wins.
syntax match joineryNumber /\<\d\{4}-\d\{2}-\d\{2}\>/
syntax match joineryOperator /<->\|->/
syntax region joineryString start=/"/ skip=/\\\\\|\\"/ end=/"/ oneline contains=joineryEscape
syntax match joineryEscape /\\[\\"]/ contained
syntax keyword joineryTodo TODO FIXME XXX contained
syntax match joineryIgnore /joinery-ignore\>/ contained
syntax match joineryComment "//.*$" contains=joineryTodo,joineryIgnore
syntax match joineryDocComment "///.*$" contains=joineryTodo
syntax region joineryComment start="/\*" end="\*/" contains=joineryTodo

highlight default link joineryDeclaration Statement
highlight default link joineryProperty Keyword
highlight default link joineryFlag Special
highlight default link joineryValue Constant
highlight default link joineryNumber Number
highlight default link joineryOperator Operator
highlight default link joineryString String
highlight default link joineryEscape SpecialChar
highlight default link joineryComment Comment
highlight default link joineryDocComment SpecialComment
highlight default link joineryIgnore PreProc
highlight default link joineryTodo Todo

let b:current_syntax = 'joinery'
