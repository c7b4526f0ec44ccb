// Deterministic synthetic workspaces for the benchmark: one file of shared actors
// and many arrangement files that reference them (and, now and then, each other's
// boards by qualified name). Every arrangement is written so that every gap rule
// has something to find, as real partnership models do.

/** A small seeded PRNG (mulberry32), so the same seed always gives the same workspace. */
export function random(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const SECTORS = ['statutory', 'statutory', 'third', 'third', 'independent', 'community'];

/**
 * The shared actors: enough that arrangements overlap, as health boards and councils
 * do. `from`/`to` choose a slice, for a workspace whose actors span several files.
 */
export function actorsFile(actorCount, from = 0, to = actorCount) {
    const lines = from === 0
        ? ['// Shared actors of the synthetic programme.', 'domain Gov "Government" { level macro }', 'domain Care "Care system" { level meso }', 'domain Local "Community" { level micro }', '']
        : [`// Shared actors of the synthetic programme, from A${from}.`, ''];
    for (let i = from; i < to; i++) {
        const sector = SECTORS[i % SECTORS.length];
        const kind = sector === 'community' ? (i % 2 ? 'people' : 'network') : 'organisation';
        const domain = sector === 'statutory' ? 'Care' : 'Local';
        const logic = i % 3 === 0 ? 'efficiency' : i % 3 === 1 ? 'person-centred' : 'professional';
        const represents = sector === 'third' && i % 4 === 2 ? ` represents A${i + 3}` : '';
        lines.push(`/// Actor ${i} of the programme.`);
        lines.push(`actor A${i} "Actor ${i} (${sector})" { sector ${sector} kind ${kind} in ${domain} logic ${logic}${represents} }`);
    }
    if (from === 0) lines.push('actor Chief "Chief officer" { sector statutory kind role in Care }');
    lines.push('');
    return lines.join('\n');
}

/**
 * Actors per shared file: about 420 KB, under the 512 KB a model file may hold
 * (input-limits.ts). A larger file is a syntax finding, and every reference to its
 * actors unresolved, which measured the "did you mean" search instead of a check.
 */
export const ACTORS_PER_FILE = 3000;

/** The actor of a sector nearest to a position in the pool. */
function actorOf(sectorIndex, pick, actorCount) {
    const base = Math.floor(pick * (actorCount / SECTORS.length)) * SECTORS.length;
    return `A${Math.min(base + sectorIndex, actorCount - SECTORS.length + sectorIndex)}`;
}

/** One arrangement of about 75 lines. */
export function arrangementFile(index, actorCount, next) {
    const name = `Arr${index}`;
    const h = actorOf(0, next(), actorCount), c = actorOf(1, next(), actorCount);
    const tsi = actorOf(2, next(), actorCount), vol = actorOf(3, next(), actorCount);
    const shop = actorOf(4, next(), actorCount), people = actorOf(5, next(), actorCount);
    const stage = ['4', '5', '6a', '6b', '7'][index % 5];
    const otherBoard = index > 0 && index % 7 === 0 ? `\n  channel ${vol} -> Arr${index - 1}.Board { kind consultation }` : '';
    // Now and then the pool also pays for a service the previous partnership hosts.
    const hosted = index > 1 && index % 7 === 3 ? `, Arr${index - 1}.Reablement` : '';
    return `// Synthetic arrangement ${index}.
/// Partnership number ${index}.
arrangement ${name} "Partnership ${index}" {
  partners ${h}, ${c}
  stage ${stage}
  governance ${index % 3 === 0 ? 'command' : 'process'}
${stage === '6a' ? `  lead ${h}\n` : ''}  leader Chief

  forum Board "Joint board ${index}" {
    kind board
    voting ${h} 4, ${c} 3
    advisory ${tsi}
    controls Pool
  }
  forum Plan "Planning group ${index}" {
    kind planning
    voting ${index % 3 === 0 ? h : `${h}, ${c}`}
    reports to Board
  }
  forum Locality "Locality forum ${index}" {
    kind engagement
    advisory ${vol}, ${people}
  }

  budget Pool "Pooled budget ${index}" {
    kind pooled
    from ${h} ${10 + index % 50}m, ${c} ${5 + index % 20}m
    held by Board
    funds Rehab${hosted}
  }
  budget HealthOnly "Health budget ${index}" { kind separate from ${h} 20m held by ${h} funds Nursing }
  budget Fund "Programme fund ${index}" { kind delegated from ${c} 1m }
  budget LunchGrant "Lunch club grant ${index}" { kind grant from ${c} 50k held by ${c} funds Lunch }

  system Records "Health records ${index}" { owner ${h} }
  system Cases "Care cases ${index}" { owner ${c} }
  system Shared "Shared portal ${index}" { owner ${c} }
  link Cases <-> Shared { shares "referrals" }

  team Rehab "Rehabilitation team ${index}" {
    staff ${h}, ${c}
    colocated
    uses Records, Cases
    area "Locality ${index % 9}"
  }
  team Nursing "Community nursing ${index}" { staff ${h}, ${c} uses Cases, Shared }
  team Admin "Business support ${index}" { staff ${h} uses Records, Shared }
${index % 2 === 0 ? `  team Outreach "Outreach ${index}" { staff ${c}, ${vol} }\n` : ''}

  service Reablement "Reablement ${index}" { delivered by Rehab for "older people" function "reablement" area "L${index % 9}" }
  service HomeFirst "Home first ${index}" { delivered by ${shop} for "older people" function "reablement" area "L${index % 9}" }
  service Lunch "Lunch clubs ${index}" { delivered by ${vol} for "older people" function "meals" }
  service Visits "Visiting ${index}" { delivered by Nursing, ${people} }

  channel ${vol} -> ${tsi} { kind representation }
  channel Rehab -> Board { kind reporting }${otherBoard}
  referral Rehab -> ${shop}
  referral Nursing -> ${vol}

  goal Prevention "Prevention ${index}" { owner Plan }
  goal Wellbeing "Wellbeing ${index}" { owner Board }
  indicator Delays "Delayed discharges ${index}" {
    measures Prevention
    kind efficiency
    reported by ${h}
  }
  indicator Costs "Cost per case ${index}" { measures Prevention kind output reported by ${c} }
  agreement Sharing "Data sharing ${index}" {
    between ${h}, ${c}
    covers Records
  }
}
`;
}

/**
 * The files of a workspace of `fileCount` files: the shared actors (one file up to
 * ACTORS_PER_FILE of them, then `actors/actors-N.joinery`), the rest arrangements.
 */
export function generateWorkspace(fileCount, seed = 1) {
    const next = random(seed);
    const actorCount = Math.max(60, Math.ceil(fileCount / 2) * SECTORS.length);
    const actorFiles = Math.ceil(actorCount / ACTORS_PER_FILE);
    const files = {};
    if (actorFiles === 1) files['actors.joinery'] = actorsFile(actorCount);
    for (let part = 0; actorFiles > 1 && part < actorFiles; part++) {
        const from = part * ACTORS_PER_FILE;
        files[`actors/actors-${part + 1}.joinery`] = actorsFile(actorCount, from, Math.min(actorCount, from + ACTORS_PER_FILE));
    }
    for (let i = 1; i <= fileCount - actorFiles; i++) files[`arrangements/arr-${String(i).padStart(4, '0')}.joinery`] = arrangementFile(i, actorCount, next);
    return files;
}

/**
 * A partnership that declares its own actors beside its arrangement, as a
 * place-based model often does, for a workspace of the generator's files: its
 * actors are `Own0` to `Own5`, and it uses the shared domains and `Chief`.
 */
export function ownActorsFile(index, seed = 1) {
    const actors = actorsFile(SECTORS.length).split('\n').filter(line => line.startsWith('/// Actor') || line.startsWith('actor A'));
    const arrangement = arrangementFile(index, SECTORS.length, random(seed));
    return [...actors, '', arrangement].join('\n').replace(/\bA(\d)\b/g, 'Own$1').replace(/\bArr(\d+)\b/g, (_, n) => `Own${n}Arr`);
}

/** One file of about `lines` lines: its own actors, then arrangements. */
export function generateSingleModel(lines, seed = 1) {
    const next = random(seed);
    const actorCount = 60;
    const parts = [actorsFile(actorCount)];
    let count = parts[0].split('\n').length;
    for (let i = 1; count < lines; i++) {
        const text = arrangementFile(i, actorCount, next);
        parts.push(text);
        count += text.split('\n').length;
    }
    return parts.join('\n');
}
