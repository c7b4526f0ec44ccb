/**
 * A snippet for each declaration, offered by the completion wherever the grammar
 * accepts that declaration's keyword (domain, actor and arrangement at the top level;
 * the elements inside an arrangement's body), never elsewhere: a static snippet file
 * would offer every one of them everywhere. Indented with the house style's two spaces.
 */
export const DECLARATION_SNIPPETS: Record<string, { description: string; body: string }> = {
    domain: { description: "A domain of the ecosystem (macro, meso or micro level)", body: "domain ${1:Community} \"${2:Community}\" { level ${3|micro,meso,macro|} }$0" },
    actor: { description: "An organisation, network, role or group of people", body: "actor ${1:Name} \"${2:Title}\" {\n  sector ${3|statutory,third,independent,community,government|}\n  kind ${4|organisation,network,role,people|}\n}$0" },
    arrangement: { description: "An integration arrangement: its partners, the stage it claims and its elements", body: "arrangement ${1:Name} \"${2:Title}\" {\n  partners ${3:PartnerA}, ${4:PartnerB}\n  stage ${5|1,2,3,4,5,6a,6b,6c,7|}\n  $0\n}" },
    forum: { description: "A board, planning group or other forum of an arrangement", body: "forum ${1:Name} \"${2:Title}\" { kind ${3|board,commissioning,planning,engagement,learning,operational|} voting ${4:Actor} }$0" },
    budget: { description: "A budget: its kind, contributions, holder and what it funds", body: "budget ${1:Name} \"${2:Title}\" { kind ${3|pooled,aligned,delegated,separate,grant|} from ${4:Actor} ${5:100m} held by ${6:Board} funds ${7:Team} }$0" },
    system: { description: "An information system and its owner", body: "system ${1:Name} \"${2:Title}\" { owner ${3:Actor} }$0" },
    link: { description: "A link between two systems, one-way (->) or both ways (<->)", body: "link ${1:SystemA} ${2|<->,->|} ${3:SystemB} { shares \"${4:what is shared}\" }$0" },
    team: { description: "A team: whose staff, which systems it uses", body: "team ${1:Name} \"${2:Title}\" { staff ${3:ActorA}, ${4:ActorB} uses ${5:System} }$0" },
    service: { description: "A service: who delivers it, its function and population", body: "service ${1:Name} \"${2:Title}\" { delivered by ${3:Actor} function \"${4:function}\" for \"${5:population}\" }$0" },
    channel: { description: "A channel through which an actor or team reaches a forum, actor or team", body: "channel ${1:From} -> ${2:To} { kind ${3|representation,seat,consultation,reporting,informal|} }$0" },
    referral: { description: "A referral route between actors or teams", body: "referral ${1:From} -> ${2:To}$0" },
    goal: { description: "A goal and the forum, team or actor that owns it", body: "goal ${1:Name} \"${2:Title}\" { owner ${3:Board} }$0" },
    indicator: { description: "An indicator: the goal it measures, its kind and who reports it", body: "indicator ${1:Name} \"${2:Title}\" { measures ${3:Goal} kind ${4|outcome,experience,output,efficiency|} reported by ${5:Actor} }$0" },
    agreement: { description: "An agreement between actors, covering systems, teams or services", body: "agreement ${1:Name} \"${2:Title}\" { between ${3:ActorA}, ${4:ActorB} covers ${5:System} }$0" },
    direction: { description: "A board's direction to a partner to deliver services with the money it allocates", body: "direction ${1:Name} \"${2:Title}\" { from ${3:Board} to ${4:Partner} for ${5:Service} }$0" }
};
