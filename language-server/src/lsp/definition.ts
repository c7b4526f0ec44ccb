import type { CstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';

/**
 * Langium's go to definition, with each part of a qualified name its own origin:
 * from `North` in `North.IJB` the link starts at `North` (and goes to the
 * arrangement), from `IJB` at `IJB`. Langium 4 starts every link at the whole
 * name (`North.IJB`), which would underline both parts for either target.
 */
export class JoineryDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: CstNode): GoToLink[] {
        return super.findLinks(source).map(link => ({ ...link, source }));
    }
}
