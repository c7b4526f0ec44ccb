" Joinery models (.joinery) get the filetype joinery.
autocmd BufRead,BufNewFile *.joinery setfiletype joinery
