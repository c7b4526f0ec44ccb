import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * Langium's registry of languages, for a server and a CLI of one language: every
 * document is a Joinery model whatever its name, as in Langium 3, so that standard
 * input (`<stdin>`) and a file named on the command line (`notes.txt`) are
 * checked. Langium 4 looks languages up by file extension only. Which files of a
 * folder are models is still decided by the extension (`hasServices`, used by the
 * workspace scan).
 */
export class JoineryServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        const languages = this.all;
        return languages.length === 1 ? languages[0] : super.getServices(uri);
    }

    override hasServices(uri: URI): boolean {
        try {
            super.getServices(uri);
            return true;
        } catch {
            return false;
        }
    }
}
