import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';
import { ProjectLayout } from '../references/projects.js';

/**
 * Langium's registry of languages, for a server and a CLI of one language: every
 * document is a Joinery model whatever its name, as in Langium 3, so that standard
 * input (`<stdin>`) and a file named on the command line (`notes.txt`) are
 * checked. Langium 4 looks languages up by file extension only. Which files of a
 * folder are models is still decided by the extension (`hasServices`, used by the
 * workspace scan).
 *
 * Each project (`references/projects.ts`) has language services of its own, made
 * when its first model is met: Langium asks this registry for a document's
 * services at every step (parse, link, validate, each request), so a model is
 * linked, checked and answered within its project.
 */
export class JoineryServiceRegistry extends DefaultServiceRegistry {
    readonly layout = new ProjectLayout();
    private readonly projectServices = new Map<string, LangiumCoreServices>();
    private createProject: ((folder: string) => LangiumCoreServices) | undefined;

    constructor(...args: ConstructorParameters<typeof DefaultServiceRegistry>) {
        super(...args);
        // Services of a folder that is no longer a project would answer for nothing.
        this.layout.onDidChange(() => {
            for (const folder of this.projectServices.keys()) {
                if (!this.layout.isProject(folder)) this.projectServices.delete(folder);
            }
        });
    }

    /** How to make a project's services (joinery-module.ts, which this layer cannot import). */
    useProjects(create: (folder: string) => LangiumCoreServices): void {
        this.createProject = create;
    }

    override getServices(uri: URI): LangiumCoreServices {
        const languages = this.all;
        const root = languages.length === 1 ? languages[0] : super.getServices(uri);
        const folder = this.layout.projectOf(uri);
        return folder === '' ? root : this.servicesOfProject(folder) ?? root;
    }

    override hasServices(uri: URI): boolean {
        try {
            super.getServices(uri);
            return true;
        } catch {
            return false;
        }
    }

    /** The services of a project folder ('' for the root project). */
    servicesOfProject(folder: string): LangiumCoreServices | undefined {
        if (folder === '') return this.all[0];
        if (!this.createProject || !this.layout.isProject(folder)) return undefined;
        let services = this.projectServices.get(folder);
        if (!services) {
            services = this.createProject(folder);
            this.projectServices.set(folder, services);
        }
        return services;
    }

    /** Every project's services, the root project's first, then by folder. */
    projects(): LangiumCoreServices[] {
        const root = this.all[0];
        return [root, ...this.layout.projectFolders.map(folder => this.servicesOfProject(folder)).filter(services => services !== undefined)];
    }
}
