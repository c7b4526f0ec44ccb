import { readdirSync } from 'node:fs';
import { type URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { ModelDisk, SmallFile } from './model-disk.js';
import { PROJECT_FILE } from '../references/projects.js';
import { listFolderFiles, pathKind, readConfigFile, readModelFile, readSmallFile, walkDecision, type ModelText } from './model-text.js';

/**
 * The server's and the CLI's file system: every model file is read through
 * `model-text.ts`, and a folder is listed with the CLI walk's decisions, so the
 * editor loads exactly the files `joinery check` reads, as the same text. Nothing
 * here throws for a file: a file that cannot be read as a model is read as empty
 * text with its problem recorded, which the document validator reports (one syntax
 * finding at its start) for as long as the file is not open in the editor.
 */
export class JoineryFileSystemProvider extends NodeFileSystemProvider implements ModelDisk {
    private readonly problems = new Map<string, string>();

    override readFile(uri: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }

    override readFileSync(uri: URI): string {
        return this.record(uri, uri.scheme === 'file' ? readModelFile(uri.fsPath) : { problem: 'Cannot read this file: it is not on disk' });
    }

    /** Records what reading `uri` gave (a problem, or none) and returns its text: empty for a problem. */
    record(uri: URI, read: ModelText): string {
        const key = uri.toString();
        if (read.problem !== undefined) {
            this.problems.set(key, read.problem);
            return '';
        }
        this.problems.delete(key);
        return read.text;
    }

    /** Why the file at `uri` could not be read as a model when it was last read, if it could not. */
    problemOf(uri: URI): string | undefined {
        return this.problems.get(uri.toString());
    }

    /** Forgets a file that left the workspace. */
    forget(uri: URI): void {
        this.problems.delete(uri.toString());
    }

    pathKind(uri: URI): 'gone' | 'folder' | 'entry' {
        return pathKind(uri.fsPath);
    }

    readConfig(uri: URI): ReturnType<ModelDisk['readConfig']> {
        return readConfigFile(uri.fsPath);
    }

    listFiles(folder: URI): URI[] {
        return listFolderFiles(folder.fsPath).map(name => UriUtils.joinPath(folder, name));
    }

    readSmallFile(uri: URI, limit: number): SmallFile {
        return readSmallFile(uri.fsPath, limit);
    }

    /**
     * The entries of a folder as the CLI walk takes them: real folders the selector
     * keeps, and model files (files, links to files, broken links, pipes, devices: all
     * read through `readModelFile`, which reports those that are not text files),
     * and a `joinery.json`, which makes its folder a project (the walk notes it).
     * Throws, as Langium's does, when the folder cannot be listed.
     */
    override readDirectory(folder: URI): Promise<FileSystemNode[]> {
        return Promise.resolve(this.readDirectorySync(folder));
    }

    override readDirectorySync(folder: URI): FileSystemNode[] {
        const nodes: FileSystemNode[] = [];
        for (const entry of readdirSync(folder.fsPath, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
            const decision = walkDecision(entry, folder.fsPath);
            if (entry.name === PROJECT_FILE && !entry.isDirectory()) nodes.push({ isFile: true, isDirectory: false, uri: UriUtils.joinPath(folder, entry.name) });
            if (decision === 'skip') continue;
            nodes.push({ isFile: decision === 'model', isDirectory: decision === 'folder', uri: UriUtils.joinPath(folder, entry.name) });
        }
        return nodes;
    }
}

/** The module context of a Joinery program that reads from disk (the server, the CLI). */
export const JoineryFileSystem = {
    fileSystemProvider: (): FileSystemProvider => new JoineryFileSystemProvider()
};
