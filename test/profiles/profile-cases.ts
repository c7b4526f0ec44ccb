import { statutoryMembership } from '../../language-server/src/rules/statutory-membership.js';
import { statutoryStructure } from '../../language-server/src/rules/statutory-structure.js';
import { CHAIRS, FULL_ADVISORY, FULL_ORDER_IJB, ijb, STRUCTURE } from './ijb-models.js';

/**
 * For each built-in profile, a model that meets every requirement, and for each
 * requirement a change that breaks it alone.
 */
export interface ProfileCase {
    profile: string;
    complete: string;
    breakers: Record<string, (model: string) => string>;
}

/** Takes a role off the actor (or forum) that carries it: the requirement loses its member. */
export function stripRole(role: string): (model: string) => string {
    return model => {
        const pattern = new RegExp(`\\brole ${role}(?![\\w-])`);
        if (!pattern.test(model)) throw new Error(`no 'role ${role}' in the model`);
        return model.replace(pattern, '');
    };
}

const without = (list: string, name: string) => list.split(', ').filter(n => n !== name).join(', ');

export const MARAC_MODEL = `actor Police "Northshire Police" { sector statutory role police }
actor IDVA "Northshire IDVA service" { sector third role idva }
actor Children "Children's social care" { sector statutory role children-social-care }
actor Adults "Adult social care" { sector statutory role adult-social-care }
actor Trust "Northshire NHS Trust" { sector statutory role health }
actor GPs "GP safeguarding lead" { sector statutory kind role role primary-care }
actor Housing "Northshire Homes" { sector statutory role housing }
actor Probation "Probation Service" { sector statutory role probation }
arrangement Safer "Safer Northshire" {
  partners Police
  forum MARAC "Northshire MARAC" { kind operational profile marac advisory Police, IDVA, Children, Adults, Trust, GPs, Housing, Probation }
}
`;

export const PROFILE_CASES: ProfileCase[] = [
    {
        profile: 'scotland-ijb',
        complete: FULL_ORDER_IJB,
        breakers: {
            'voting-members': () => ijb('NHSK 4, KC 2', FULL_ADVISORY),
            'only-partners-vote': () => ijb('NHSK 4, KC 4, TSI', without(FULL_ADVISORY, 'TSI')),
            // Both chairs from the health board's side (the council's vice-chair moved to the health board).
            chair: () => ijb('NHSK 4, KC 4', FULL_ADVISORY, STRUCTURE, 'chair NHSK vice-chair NHSK'),
            'chief-officer': () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'CO')),
            'chief-finance-officer': () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'CFO')),
            'chief-social-work-officer': () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'CSWO')),
            gp: () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'GP')),
            nurse: () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'Nurse')),
            'medical-practitioner': () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'Doctor')),
            staff: () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'Staff')),
            'third-sector': stripRole('third-sector-representative'),
            'service-users': () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'Users')),
            carers: () => ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'Carer')),
            'strategic-planning-group': stripRole('strategic-planning-group'),
            localities: stripRole('locality'),
            'integration-scheme': () => ijb('NHSK 4, KC 4', FULL_ADVISORY, STRUCTURE.replace(/\n.*agreement Scheme.*/, '')),
            directions: () => ijb('NHSK 4, KC 4', FULL_ADVISORY, STRUCTURE.replace(/\n.*direction ToKC.*/, ''), CHAIRS)
        }
    },
    {
        profile: 'england-csp',
        complete: statutoryMembership.docs.passing,
        breakers: {
            'local-authority': stripRole('local-authority'),
            police: stripRole('police'),
            'fire-and-rescue': stripRole('fire-and-rescue-authority'),
            'integrated-care-board': stripRole('integrated-care-board'),
            probation: stripRole('probation-provider'),
            'police-and-crime-commissioner': stripRole('police-and-crime-commissioner')
        }
    },
    {
        profile: 'england-da-board',
        complete: statutoryStructure.docs.passing,
        breakers: {
            // Not the role itself: the annual report is the authority's, by its role.
            'local-authority': model => model.replace('voting Council advisory', 'advisory'),
            victims: stripRole('victims-representative'),
            children: stripRole('children-representative'),
            charities: stripRole('voluntary-sector-representative'),
            health: stripRole('health-representative'),
            'policing-or-criminal-justice': stripRole('police'),
            'annual-report': model => model.replace(/\n.*kind reporting.*/, '')
        }
    },
    {
        profile: 'marac',
        complete: MARAC_MODEL,
        breakers: {
            police: stripRole('police'),
            idva: stripRole('idva'),
            'children-social-care': stripRole('children-social-care'),
            'adult-social-care': stripRole('adult-social-care'),
            health: stripRole('health'),
            'primary-care': stripRole('primary-care'),
            housing: stripRole('housing'),
            probation: stripRole('probation')
        }
    }
];
