/**
 * Scottish integration joint boards for the profile tests: one written with the
 * membership the Order prescribes, and the "six-to-two" board of issue 15, with
 * six health board votes to two council votes and every prescribed member gone
 * (its chairs, structure and directions as the Order wants them).
 */
export const IJB_ACTORS = `
actor NHSK "NHS Kinbrae" { sector statutory role health-board }
actor KC "Kinbrae Council" { sector statutory role local-authority }
actor CO "Chief Officer" { sector statutory kind role role chief-officer }
actor CFO "Chief Finance Officer" { sector statutory kind role role chief-finance-officer }
actor CSWO "Chief Social Work Officer" { sector statutory kind role role chief-social-work-officer }
actor GP "GP member" { sector statutory kind role role gp }
actor Nurse "Nurse member" { sector statutory kind role role nurse }
actor Doctor "Consultant member" { sector statutory kind role role medical-practitioner }
actor Staff "Staff-side member" { sector statutory kind role role staff-representative }
actor TSI "Kinbrae Third Sector Interface" { sector third role third-sector-representative }
actor Users "Service user member" { sector community kind role role service-user-representative }
actor Carer "Carer member" { sector community kind role role carer-representative }
`;

export const FULL_ADVISORY = 'CO, CFO, CSWO, GP, Nurse, Doctor, Staff, TSI, Users, Carer';

/** A chair from the health board and a vice-chair from the council (art. 4). */
export const CHAIRS = 'chair NHSK vice-chair KC';

/** The board with `voting`, `advisory` and its chairs as given, and its planning structure and directions. */
export function ijb(voting: string, advisory: string, rest = STRUCTURE, chairs = CHAIRS): string {
    return `${IJB_ACTORS}
arrangement Kinbrae "Kinbrae Health and Social Care Partnership" {
  partners NHSK, KC
  forum IJB "Kinbrae Integration Joint Board" { kind board profile scotland-ijb voting ${voting}${advisory ? ` advisory ${advisory}` : ''}${chairs ? ` ${chairs}` : ''} }
${rest}
}
`;
}

export const STRUCTURE = `  forum SPG "Strategic planning group" { kind planning role strategic-planning-group reports to IJB voting NHSK, KC advisory TSI, Users, Carer }
  forum North "North locality" { kind planning role locality reports to SPG advisory TSI }
  forum South "South locality" { kind planning role locality reports to SPG advisory TSI }
  agreement Scheme "Kinbrae integration scheme" { between NHSK, KC }
  direction ToNHSK "Direction to NHS Kinbrae" { from IJB to NHSK }
  direction ToKC "Direction to Kinbrae Council" { from IJB to KC }`;

export const FULL_ORDER_IJB = ijb('NHSK 4, KC 4', FULL_ADVISORY);
export const SIX_TO_TWO_IJB = ijb('NHSK 6, KC 2', '');
