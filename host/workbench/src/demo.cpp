// The demo workspace: Meridian Health Labs, a fictional 180-person health-tech SaaS
// (remote patient monitoring) pursuing ISO/IEC 27001:2022 with SOC 2 Type 2 and HIPAA
// (as a business associate), with PCI DSS next.
//
// Built only through the public workbench API, so it exercises the same rules a user
// meets. Every date is an offset from `today`. A few gaps are planted on purpose, so that
// `crosswalk readiness` has something a reader can check by hand (README, "The demo"):
//   Stage 1: SoA A.5.6 applicable without justification; SoA A.7.6 excluded without a
//            reason; A.8.11 chosen to treat R-06 but excluded in the SoA; asset AST-08 in
//            scope but in no risk; no document for 6.2 "information security objectives".
//   Stage 2: A.8.16 implemented with a policy only (no operational evidence); A.5.24
//            implemented but its only operational evidence (EV-108) expired 10 days ago;
//            minor nonconformity F-01 still open; management review MR-… lacks input e).
//   Timeline: EV-102 (access review) is current today but expires before Stage 2;
//            ISMS development ended 5 days after its planned end.
#include <crosswalk/store/audit.hpp>
#include <crosswalk/workbench/demo.hpp>
#include <crosswalk/workbench/targets.hpp>
#include <crosswalk/store/evidence.hpp>
#include <crosswalk/store/implementation.hpp>
#include <crosswalk/store/organization.hpp>
#include <crosswalk/store/risk.hpp>
#include <crosswalk/store/soa.hpp>
#include <crosswalk/store/timeline.hpp>

#include <boost/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cw {
namespace {

namespace json = boost::json;

// Prefixes a failure with what the demo was doing, keeping its kind.
template <typename T>
Result<void> check(const Result<T>& r, const std::string& what) {
    if (!r) return Error{r.error().kind, "demo: " + what + ": " + r.error().message};
    return {};
}

#define CW_DEMO_TRY(expr, what)                                                                    \
    do {                                                                                           \
        if (auto cwDemoResult = check((expr), (what)); !cwDemoResult) return cwDemoResult.error(); \
    } while (false)

constexpr const char* kCiso = "Dana Okafor (CISO)";
constexpr const char* kCto = "Luis Romero (CTO)";
constexpr const char* kCompliance = "Priya Shah (Head of Compliance)";
constexpr const char* kItOps = "Sam Lee (IT Operations Lead)";
constexpr const char* kPeople = "Ana Ribeiro (People Operations)";
constexpr const char* kCeo = "Maya Chen (CEO)";

struct AssetSpec {
    const char* key;
    const char* name;
    const char* type;
    Classification classification;
    const char* owner;
    const char* description;
};

// AST-08 is in scope but no risk names it (a planted Stage 1 finding).
const std::vector<AssetSpec> kAssets = {
    {"AST-01", "Meridian remote patient monitoring platform", "software", Classification::Restricted, kCto,
     "Multi-tenant SaaS receiving device readings and alerts for clinicians"},
    {"AST-02", "Patient health records database (ePHI)", "information", Classification::Restricted, kCto,
     "Aurora PostgreSQL clusters holding readings, care plans and patient identifiers"},
    {"AST-03", "AWS production accounts", "service", Classification::Confidential, kItOps,
     "Production organization unit in us-east-1 and us-west-2"},
    {"AST-04", "Source code repositories", "information", Classification::Confidential, kCto,
     "GitHub organization with application and infrastructure code"},
    {"AST-05", "Telehealth video vendor", "service", Classification::Confidential, kCompliance,
     "Third-party video service under a business associate agreement"},
    {"AST-06", "Employee laptops", "hardware", Classification::Confidential, kItOps,
     "About 190 managed macOS laptops with disk encryption and EDR"},
    {"AST-07", "Payment checkout", "service", Classification::Confidential, kCto,
     "Subscription billing page using the card processor's hosted fields"},
    {"AST-08", "Customer support ticketing", "service", Classification::Internal, kCompliance,
     "SaaS help desk; tickets may quote patient identifiers"},
    {"AST-09", "Boston head office", "site", Classification::Internal, kItOps,
     "Serviced co-working floor; no production systems"},
};

struct RiskSpec {
    const char* key;
    const char* title;
    std::vector<std::string> assets;
    const char* threat;
    const char* vulnerability;
    const char* owner;
    int likelihood;
    int impact;
    Treatment treatment;
    std::vector<std::string> controls;
    int residualLikelihood;
    int residualImpact;
    int acceptedDaysAgo;  // < 0: not accepted yet
};

// R-06 chooses A.8.11, which the SoA then excludes (a planted Stage 1 finding).
const std::vector<RiskSpec> kRisks = {
    {"R-01",
     "Ransomware encrypts production workloads",
     {"AST-01", "AST-03"},
     "Ransomware operators",
     "Unpatched container base images",
     kCto,
     4,
     5,
     Treatment::Modify,
     {"A.8.7", "A.8.8", "A.8.13"},
     2,
     4,
     -1},
    {"R-02",
     "Compromise of administrator credentials",
     {"AST-03", "AST-04", "AST-07"},
     "Credential phishing",
     "Standing administrator access",
     kCiso,
     4,
     5,
     Treatment::Modify,
     {"A.5.15", "A.5.17", "A.8.2", "A.8.5"},
     2,
     4,
     -1},
    {"R-03",
     "ePHI exposed through misconfigured storage",
     {"AST-01", "AST-02"},
     "Accidental public exposure",
     "Manual cloud configuration changes",
     kCto,
     3,
     5,
     Treatment::Modify,
     {"A.5.34", "A.8.9", "A.8.12"},
     1,
     5,
     -1},
    {"R-04",
     "Breach at the telehealth video vendor",
     {"AST-05"},
     "Supplier compromise",
     "Limited visibility into the vendor's controls",
     kCompliance,
     3,
     4,
     Treatment::Share,
     {"A.5.19", "A.5.20", "A.5.21", "A.5.22"},
     2,
     4,
     -1},
    {"R-05",
     "Loss of the primary AWS region",
     {"AST-03"},
     "Regional cloud outage",
     "Single-region data services",
     kItOps,
     3,
     4,
     Treatment::Modify,
     {"A.5.30", "A.8.13", "A.8.14"},
     2,
     3,
     -1},
    {"R-06",
     "Patient data copied into staging",
     {"AST-02"},
     "Developer error",
     "No masking in the data pipeline",
     kCto,
     3,
     4,
     Treatment::Modify,
     {"A.8.11", "A.8.31", "A.8.33"},
     2,
     2,
     20},
    {"R-07",
     "Lost or stolen laptop",
     {"AST-06"},
     "Theft",
     "Laptops travel with staff",
     kItOps,
     3,
     3,
     Treatment::Modify,
     {"A.7.9", "A.8.1", "A.8.24"},
     1,
     3,
     30},
    {"R-08",
     "Break-in at the Boston office",
     {"AST-09"},
     "Burglary",
     "Shared building entrance",
     kItOps,
     1,
     2,
     Treatment::Retain,
     {},
     1,
     2,
     100},
};

struct EvidenceSpec {
    const char* key;
    const char* title;
    EvidenceKind kind;
    const char* location;
    const char* owner;
    int collectedDaysAgo;
    int reviewDays;      // 0: validity given by validUntilOffset instead
    int validUntilDays;  // offset from today when reviewDays == 0
    std::vector<std::string> links;
};

// Documented information (ISO 27001 clauses 4-10), linked to the clause requirement it
// documents. There is deliberately no document for 6.2 "information security objectives".
const std::vector<EvidenceSpec> kDocuments = {
    {"EV-001",
     "ISMS scope statement",
     EvidenceKind::Policy,
     "https://docs.meridian.example/isms/scope",
     kCiso,
     150,
     365,
     0,
     {"iso27001-2022:4.3"}},
    {"EV-002",
     "Information security policy",
     EvidenceKind::Policy,
     "https://docs.meridian.example/isms/policy",
     kCiso,
     150,
     365,
     0,
     {"iso27001-2022:5.2", "CC-A.5.1"}},
    {"EV-003",
     "Risk assessment process",
     EvidenceKind::Procedure,
     "https://docs.meridian.example/isms/risk-assessment",
     kCiso,
     140,
     365,
     0,
     {"iso27001-2022:6.1.1", "iso27001-2022:6.1.2"}},
    {"EV-004",
     "Risk treatment process",
     EvidenceKind::Procedure,
     "https://docs.meridian.example/isms/risk-treatment",
     kCiso,
     140,
     365,
     0,
     {"iso27001-2022:6.1.3"}},
    {"EV-005",
     "Statement of Applicability (approved export)",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/soa.xlsx",
     kCompliance,
     30,
     180,
     0,
     {"iso27001-2022:6.1.3"}},
    {"EV-006",
     "Evidence of competence: role training and certification records",
     EvidenceKind::Record,
     "https://people.meridian.example/competence",
     kPeople,
     30,
     365,
     0,
     {"iso27001-2022:7.2"}},
    {"EV-007",
     "Operations log: evidence that processes were carried out as planned",
     EvidenceKind::Record,
     "jira:OPS",
     kItOps,
     7,
     90,
     0,
     {"iso27001-2022:8.1"}},
    {"EV-008",
     "Risk assessment results 2026",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/risk-register",
     kCiso,
     60,
     365,
     0,
     {"iso27001-2022:8.2"}},
    {"EV-009",
     "Risk treatment results and plan status",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/treatment-plan",
     kCiso,
     60,
     180,
     0,
     {"iso27001-2022:8.3"}},
    {"EV-010",
     "Monitoring and measurement results, ISMS metrics",
     EvidenceKind::Record,
     "https://dash.meridian.example/isms-metrics",
     kCompliance,
     20,
     90,
     0,
     {"iso27001-2022:9.1"}},
    {"EV-011",
     "Internal audit programme",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/audit-programme",
     kCompliance,
     60,
     365,
     0,
     {"iso27001-2022:9.2.1", "iso27001-2022:9.2.2"}},
    {"EV-012",
     "Internal audit report with audit results",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/internal-audit-report",
     kCompliance,
     44,
     365,
     0,
     {"iso27001-2022:9.2.2"}},
    {"EV-013",
     "Management review results (minutes)",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/management-review",
     kCeo,
     28,
     365,
     0,
     {"iso27001-2022:9.3.1", "iso27001-2022:9.3.2", "iso27001-2022:9.3.3"}},
    {"EV-014",
     "Nonconformities and actions taken register",
     EvidenceKind::Record,
     "jira:ISMS-NC",
     kCompliance,
     10,
     90,
     0,
     {"iso27001-2022:10.2"}},
    {"EV-015",
     "Results of corrective actions (verification log)",
     EvidenceKind::Record,
     "jira:ISMS-CA",
     kCompliance,
     10,
     90,
     0,
     {"iso27001-2022:10.2"}},
    {"EV-016",
     "Context of the organization: internal and external issues",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/context",
     kCiso,
     150,
     365,
     0,
     {"iso27001-2022:4.1"}},
    {"EV-017",
     "Interested parties register",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/interested-parties",
     kCompliance,
     150,
     365,
     0,
     {"iso27001-2022:4.2"}},
    {"EV-018",
     "ISMS manual",
     EvidenceKind::Policy,
     "https://docs.meridian.example/isms/manual",
     kCiso,
     150,
     365,
     0,
     {"iso27001-2022:4.4", "iso27001-2022:7.5.1"}},
    {"EV-019",
     "Board minutes: information security commitment and roles",
     EvidenceKind::Record,
     "https://docs.meridian.example/board/2026-q2",
     kCeo,
     120,
     365,
     0,
     {"iso27001-2022:5.1", "iso27001-2022:5.3"}},
    {"EV-020",
     "Change planning records for the ISMS",
     EvidenceKind::Record,
     "jira:ISMS-CHG",
     kCompliance,
     40,
     180,
     0,
     {"iso27001-2022:6.3"}},
    {"EV-021",
     "ISMS budget and resourcing plan",
     EvidenceKind::Record,
     "https://docs.meridian.example/isms/budget",
     kCeo,
     120,
     365,
     0,
     {"iso27001-2022:7.1"}},
    {"EV-022",
     "Awareness and communication plan",
     EvidenceKind::Procedure,
     "https://docs.meridian.example/isms/communication",
     kPeople,
     90,
     365,
     0,
     {"iso27001-2022:7.3", "iso27001-2022:7.4"}},
    {"EV-023",
     "Document control procedure",
     EvidenceKind::Procedure,
     "https://docs.meridian.example/isms/document-control",
     kCompliance,
     150,
     365,
     0,
     {"iso27001-2022:7.5.2", "iso27001-2022:7.5.3"}},
    {"EV-024",
     "Continual improvement log",
     EvidenceKind::Record,
     "jira:ISMS-IMP",
     kCompliance,
     15,
     180,
     0,
     {"iso27001-2022:10.1"}},
};

// Operational evidence, linked to common controls. EV-102 expires before Stage 2; EV-103
// and EV-104 are soon stale; EV-108 has expired; EV-121 is a policy only (A.8.16); EV-118
// is not valid for HIPAA's ePHI environment nor PCI DSS's cardholder data environment.
const std::vector<EvidenceSpec> kOperational = {
    {"EV-101",
     "SSO and MFA enforcement settings export",
     EvidenceKind::Configuration,
     "https://drive.meridian.example/evidence/sso-mfa-policy.json",
     kItOps,
     20,
     90,
     0,
     {"CC-A.8.5", "CC-A.5.17"}},
    {"EV-102",
     "Quarterly user access review",
     EvidenceKind::Record,
     "jira:SEC-412",
     kCiso,
     50,
     90,
     0,
     {"CC-A.5.15", "CC-A.5.18", "CC-A.8.2"}},
    {"EV-103",
     "Cloud configuration conformance report (CIS benchmark)",
     EvidenceKind::Report,
     "https://drive.meridian.example/evidence/cis-conformance.pdf",
     kItOps,
     7,
     30,
     0,
     {"CC-A.8.9"}},
    {"EV-104",
     "Vulnerability scan summary",
     EvidenceKind::Report,
     "https://drive.meridian.example/evidence/vuln-scan.pdf",
     kCto,
     15,
     30,
     0,
     {"CC-A.8.8"}},
    {"EV-105",
     "Endpoint detection coverage dashboard",
     EvidenceKind::Screenshot,
     "https://drive.meridian.example/evidence/edr-coverage.png",
     kItOps,
     10,
     90,
     0,
     {"CC-A.8.7", "CC-A.8.1"}},
    {"EV-106", "Backup restore test record", EvidenceKind::Record, "jira:OPS-981", kItOps, 35, 180, 0, {"CC-A.8.13"}},
    {"EV-107",
     "Disaster recovery failover exercise report",
     EvidenceKind::Report,
     "https://drive.meridian.example/evidence/dr-exercise.pdf",
     kItOps,
     90,
     0,
     275,
     {"CC-A.5.30", "CC-A.8.14"}},
    {"EV-108",
     "Incident response tabletop exercise report",
     EvidenceKind::Report,
     "https://drive.meridian.example/evidence/ir-tabletop-2025.pdf",
     kCiso,
     375,
     0,
     -10,
     {"CC-A.5.24"}},
    {"EV-109",
     "Security incident tickets with post-incident reviews",
     EvidenceKind::Ticket,
     "jira:SEC-INCIDENTS",
     kCiso,
     5,
     90,
     0,
     {"CC-A.5.25", "CC-A.5.26", "CC-A.5.27"}},
    {"EV-110",
     "Central logging and clock synchronisation configuration",
     EvidenceKind::Configuration,
     "https://drive.meridian.example/evidence/logging.json",
     kItOps,
     30,
     180,
     0,
     {"CC-A.8.15", "CC-A.8.17"}},
    {"EV-111",
     "Change records: reviewed and approved pull requests",
     EvidenceKind::Log,
     "https://git.meridian.example/audit/pull-requests",
     kCto,
     3,
     30,
     0,
     {"CC-A.8.32", "CC-A.8.25"}},
    {"EV-112",
     "Security awareness training completion report",
     EvidenceKind::Record,
     "https://people.meridian.example/training",
     kPeople,
     40,
     365,
     0,
     {"CC-A.6.3"}},
    {"EV-113",
     "Background check completion records",
     EvidenceKind::Record,
     "https://people.meridian.example/screening",
     kPeople,
     60,
     365,
     0,
     {"CC-A.6.1"}},
    {"EV-114",
     "Signed confidentiality and employment terms register",
     EvidenceKind::Record,
     "https://people.meridian.example/agreements",
     kPeople,
     60,
     365,
     0,
     {"CC-A.6.2", "CC-A.6.6"}},
    {"EV-115",
     "Vendor security assessments and business associate agreements",
     EvidenceKind::Record,
     "https://docs.meridian.example/vendors/register",
     kCompliance,
     25,
     180,
     0,
     {"CC-A.5.19", "CC-A.5.20", "CC-A.5.21", "CC-A.5.22"}},
    {"EV-116",
     "Encryption at rest and in transit configuration",
     EvidenceKind::Configuration,
     "https://drive.meridian.example/evidence/encryption.json",
     kCto,
     14,
     180,
     0,
     {"CC-A.8.24"}},
    {"EV-117",
     "Asset inventory export",
     EvidenceKind::Record,
     "https://cmdb.meridian.example/export",
     kItOps,
     6,
     90,
     0,
     {"CC-A.5.9"}},
    {"EV-118",
     "Office network firewall configuration",
     EvidenceKind::Configuration,
     "https://drive.meridian.example/evidence/office-firewall.cfg",
     kItOps,
     30,
     180,
     0,
     {"CC-A.8.20", "CC-A.8.22"}},
    {"EV-120",
     "Capacity and availability dashboard",
     EvidenceKind::Screenshot,
     "https://dash.meridian.example/slo",
     kItOps,
     2,
     30,
     0,
     {"CC-A.8.6"}},
    {"EV-121",
     "Monitoring and alerting policy",
     EvidenceKind::Policy,
     "https://docs.meridian.example/isms/monitoring-policy",
     kCiso,
     100,
     365,
     0,
     {"CC-A.8.16"}},
    {"EV-122",
     "External penetration test report",
     EvidenceKind::Report,
     "https://drive.meridian.example/evidence/pentest.pdf",
     kCto,
     70,
     0,
     295,
     {"CC-A.8.8", "CC-A.8.29"}},
    {"EV-123",
     "Secure development records: threat models and code review checklists",
     EvidenceKind::Record,
     "https://git.meridian.example/security/threat-models",
     kCto,
     45,
     180,
     0,
     {"CC-A.8.25", "CC-A.8.26", "CC-A.8.27", "CC-A.8.28"}},
    {"EV-124",
     "HIPAA security risk analysis",
     EvidenceKind::Report,
     "https://docs.meridian.example/hipaa/risk-analysis.pdf",
     kCompliance,
     95,
     365,
     0,
     {"hipaa:164.308(a)(1)(ii)(A)", "hipaa:164.308(a)(1)(ii)(B)"}},
    {"EV-125",
     "Privileged session logs",
     EvidenceKind::Log,
     "https://siem.meridian.example/pam",
     kItOps,
     1,
     30,
     0,
     {"CC-A.8.2", "CC-A.8.18"}},
    {"EV-126",
     "Device management compliance report",
     EvidenceKind::Report,
     "https://mdm.meridian.example/compliance",
     kItOps,
     12,
     90,
     0,
     {"CC-A.8.1", "CC-A.6.7"}},
    {"EV-127",
     "Office physical access logs",
     EvidenceKind::Log,
     "https://access.meridian.example/logs",
     kItOps,
     20,
     90,
     0,
     {"CC-A.7.1", "CC-A.7.2"}},
    {"EV-128",
     "Secure disposal certificates for retired laptops",
     EvidenceKind::Record,
     "https://drive.meridian.example/evidence/disposal",
     kItOps,
     80,
     365,
     0,
     {"CC-A.7.14", "CC-A.8.10"}},
    {"EV-129",
     "Threat intelligence triage notes",
     EvidenceKind::Record,
     "jira:SEC-TI",
     kCiso,
     30,
     180,
     0,
     {"CC-A.5.7"}},
    {"EV-130",
     "Backup plans configuration",
     EvidenceKind::Configuration,
     "https://drive.meridian.example/evidence/backup-plans.json",
     kItOps,
     14,
     180,
     0,
     {"CC-A.8.13"}},
    {"EV-131",
     "Policy acknowledgement records",
     EvidenceKind::Record,
     "https://people.meridian.example/policy-acks",
     kPeople,
     30,
     365,
     0,
     {"CC-A.5.1"}},
};

// Annex A status. Implemented: every control with current operational evidence above,
// plus A.8.16 and A.5.24 (the planted Stage 2 findings). Everything not listed is partial.
const std::set<std::string> kImplemented = {
    "A.5.1",  "A.5.7",  "A.5.9",  "A.5.15", "A.5.17", "A.5.18", "A.5.19", "A.5.20", "A.5.21", "A.5.22",
    "A.5.24", "A.5.25", "A.5.26", "A.5.27", "A.5.30", "A.6.1",  "A.6.2",  "A.6.3",  "A.6.6",  "A.6.7",
    "A.7.1",  "A.7.2",  "A.7.14", "A.8.1",  "A.8.2",  "A.8.5",  "A.8.6",  "A.8.7",  "A.8.8",  "A.8.9",
    "A.8.10", "A.8.13", "A.8.14", "A.8.15", "A.8.16", "A.8.17", "A.8.18", "A.8.20", "A.8.22", "A.8.24",
    "A.8.25", "A.8.26", "A.8.27", "A.8.28", "A.8.29", "A.8.32"};
const std::set<std::string> kPlanned = {"A.6.4", "A.6.5", "A.6.8", "A.7.3",  "A.7.4",  "A.7.5",
                                        "A.7.7", "A.7.8", "A.7.9", "A.7.10", "A.7.11", "A.7.13"};
const std::set<std::string> kNotStarted = {"A.5.6",  "A.7.6",  "A.8.3",  "A.8.4",  "A.8.11", "A.8.12",
                                           "A.8.19", "A.8.21", "A.8.23", "A.8.31", "A.8.33", "A.8.34"};
const std::map<std::string, std::string> kExcluded = {
    {"A.7.12",
     "Offices are serviced co-working floors: the landlord owns and maintains all cabling, and no production "
     "system or patient data is in the offices."},
    {"A.8.30", "All development is done by employees; no development is outsourced."},
};

// SOC 2 criteria assessed directly by the SOC 2 readiness review (the crosswalk only gives
// intersects-with links to them, which never carry "implemented").
const std::map<std::string, ImplementationStatus> kSoc2 = {
    {"CC1.1", ImplementationStatus::Implemented}, {"CC1.2", ImplementationStatus::Implemented},
    {"CC1.3", ImplementationStatus::Implemented}, {"CC1.4", ImplementationStatus::Implemented},
    {"CC1.5", ImplementationStatus::Implemented}, {"CC2.1", ImplementationStatus::Implemented},
    {"CC2.2", ImplementationStatus::Implemented}, {"CC2.3", ImplementationStatus::Planned},
    {"CC3.1", ImplementationStatus::Implemented}, {"CC3.2", ImplementationStatus::Implemented},
    {"CC3.3", ImplementationStatus::Partial},     {"CC3.4", ImplementationStatus::Implemented},
    {"CC4.1", ImplementationStatus::Implemented}, {"CC4.2", ImplementationStatus::Implemented},
    {"CC5.1", ImplementationStatus::Implemented}, {"CC5.2", ImplementationStatus::Implemented},
    {"CC5.3", ImplementationStatus::Implemented}, {"CC6.1", ImplementationStatus::Implemented},
    {"CC6.2", ImplementationStatus::Implemented}, {"CC6.3", ImplementationStatus::Implemented},
    {"CC6.4", ImplementationStatus::Implemented}, {"CC6.5", ImplementationStatus::Implemented},
    {"CC6.6", ImplementationStatus::Implemented}, {"CC6.7", ImplementationStatus::Implemented},
    {"CC6.8", ImplementationStatus::Implemented}, {"CC7.1", ImplementationStatus::Implemented},
    {"CC7.2", ImplementationStatus::Partial},     {"CC7.3", ImplementationStatus::Implemented},
    {"CC7.4", ImplementationStatus::Implemented}, {"CC7.5", ImplementationStatus::Implemented},
    {"CC8.1", ImplementationStatus::Implemented}, {"CC9.1", ImplementationStatus::Implemented},
    {"CC9.2", ImplementationStatus::Implemented}, {"A1.1", ImplementationStatus::Implemented},
    {"A1.2", ImplementationStatus::Implemented},  {"A1.3", ImplementationStatus::Implemented},
    {"C1.1", ImplementationStatus::Implemented},  {"C1.2", ImplementationStatus::Partial},
};

// HIPAA Security Rule specifications the compliance team assessed directly.
const std::map<std::string, ImplementationStatus> kHipaa = {
    {"164.308(a)(1)(ii)(A)", ImplementationStatus::Implemented},
    {"164.308(a)(1)(ii)(B)", ImplementationStatus::Implemented},
    {"164.308(a)(1)(ii)(C)", ImplementationStatus::Implemented},
    {"164.308(a)(2)", ImplementationStatus::Implemented},
    {"164.308(a)(6)(ii)", ImplementationStatus::Implemented},
    {"164.308(a)(7)(ii)(A)", ImplementationStatus::Implemented},
    {"164.308(a)(7)(ii)(B)", ImplementationStatus::Implemented},
    {"164.308(a)(7)(ii)(C)", ImplementationStatus::Partial},
    {"164.312(a)(2)(i)", ImplementationStatus::Implemented},
    {"164.312(a)(2)(ii)", ImplementationStatus::Planned},
    {"164.312(b)", ImplementationStatus::Implemented},
    {"164.312(d)", ImplementationStatus::Implemented},
    {"164.314(a)(2)(i)(A)", ImplementationStatus::Implemented},
    {"164.314(a)(2)(i)(B)", ImplementationStatus::Implemented},
    {"164.314(a)(2)(i)(C)", ImplementationStatus::Implemented},
};

const char* ownerForTheme(const std::string& ref) {
    if (ref.starts_with("A.5.")) return kCompliance;
    if (ref.starts_with("A.6.")) return kPeople;
    if (ref.starts_with("A.7.")) return kItOps;
    return kCto;
}

class DemoBuilder {
public:
    DemoBuilder(Workspace& ws, const PluginHost& host, Date today) : m_ws(ws), m_host(host), m_today(today) {}

    Result<DemoSummary> build() {
        auto existing = organizationProfile(m_ws);
        if (existing && !existing->name.empty()) {
            return Error::badInput(m_ws.path().string() + " already holds organization '" + existing->name +
                                   "'; build the demo in a new workspace (crosswalk demo --db demo.db)");
        }
        for (const char* framework : {"iso27001-2022", "soc2-2017", "hipaa"}) {
            auto controls = m_ws.controls(framework);
            if (!controls || controls->empty()) {
                return Error::badInput("the demo needs the framework '" + std::string(framework) +
                                       "' in the workspace; run `crosswalk init` with the framework plugins first");
            }
        }
        auto pci = m_ws.controls("pci-dss-4.0.1");
        m_hasPci = pci && !pci->empty();
        auto done = m_ws.transaction([this]() -> Result<void> {
            CW_DEMO_TRY(organization(), "organization");
            CW_DEMO_TRY(targetsAndStatus(), "targets and status");
            CW_DEMO_TRY(risksAndAssets(), "risk register");
            CW_DEMO_TRY(evidence(), "evidence");
            CW_DEMO_TRY(statementOfApplicability(), "statement of applicability");
            CW_DEMO_TRY(auditsAndReviews(), "audits");
            CW_DEMO_TRY(timelineAndCycles(), "timeline");
            return {};
        });
        if (!done) return done.error();
        return m_summary;
    }

private:
    [[nodiscard]] Date day(int offset) const { return m_today.addDays(offset); }

    Result<void> organization() {
        OrganizationProfile profile;
        profile.name = "Meridian Health Labs, Inc.";
        profile.sector = "Health technology (SaaS)";
        profile.scopeStatement =
            "The information security management system of Meridian Health Labs covers the development, "
            "operation and support of the Meridian remote patient monitoring platform and clinician portal, "
            "delivered as a service from AWS (us-east-1, us-west-2) by staff in Boston and Lisbon.";
        profile.description =
            "Fictional demo organization: about 180 staff; 400 clinics and 90,000 monitored patients; a "
            "business associate of its customers under HIPAA; SOC 2 Type 2 asked for by hospital customers; "
            "card payments for the consumer plan planned next year (PCI DSS).";
        if (auto r = setOrganizationProfile(m_ws, profile); !r) return r.error();
        m_summary.organization = profile.name;

        const std::vector<ScopeItem> scope = {
            {ScopeKind::Site, "Boston head office", true, ""},
            {ScopeKind::Site, "Lisbon engineering hub", true, ""},
            {ScopeKind::Site, "AWS us-east-1 and us-west-2", true, "production and disaster recovery regions"},
            {ScopeKind::System, "Remote patient monitoring platform", true, ""},
            {ScopeKind::System, "Clinician portal", true, ""},
            {ScopeKind::System, "Corporate IT (identity, laptops, collaboration)", true, ""},
            {ScopeKind::System, "Marketing website", false,
             "static site run by an agency on its own hosting; no customer or patient data"},
            {ScopeKind::Process, "Software development and release", true, ""},
            {ScopeKind::Process, "Customer support", true, ""},
            {ScopeKind::Process, "Hiring and onboarding", true, ""},
            {ScopeKind::Process, "Card payment processing", false,
             "handled by the card processor's hosted fields; to be assessed under PCI DSS next year"},
        };
        for (const auto& item : scope) {
            if (auto r = setScopeItem(m_ws, item); !r) return r.error();
        }
        for (const auto& a : kAssets) {
            Asset asset;
            asset.key = a.key;
            asset.name = a.name;
            asset.type = a.type;
            asset.classification = a.classification;
            asset.owner = a.owner;
            asset.description = a.description;
            if (auto r = setAsset(m_ws, asset); !r) return r.error();
            ++m_summary.assets;
        }
        return {};
    }

    Result<void> targetsAndStatus() {
        json::object exclusions;
        for (const auto& [ref, reason] : kExcluded) exclusions[ref] = reason;
        CW_DEMO_TRY(setTarget(m_ws, m_host, "iso27001-2022", json::object{{"exclusions", exclusions}}),
                    "target iso27001-2022");
        CW_DEMO_TRY(setTarget(m_ws, m_host, "soc2-2017",
                              json::object{{"categories", json::array{"availability", "confidentiality"}},
                                           {"report_type", "type2"}}),
                    "target soc2-2017");
        CW_DEMO_TRY(setTarget(m_ws, m_host, "hipaa", json::object{{"entity_type", "business-associate"}}),
                    "target hipaa");

        // Clauses 4-10: the ISMS is built, except the objectives (6.2), still in draft.
        auto iso = m_ws.controls("iso27001-2022");
        if (!iso) return iso.error();
        for (const auto& control : *iso) {
            if (!control.assessable) continue;
            StatusEntry entry;
            entry.subject = "CC-" + control.ref;
            if (!control.ref.starts_with("A.")) {
                entry.status = control.ref == "6.2" ? ImplementationStatus::Partial : ImplementationStatus::Implemented;
                entry.owner = kCiso;
                if (control.ref == "6.2") {
                    entry.due = day(10);
                    entry.note = "objectives drafted; approval at the next leadership meeting";
                }
            } else if (const auto excluded = kExcluded.find(control.ref); excluded != kExcluded.end()) {
                entry.status = ImplementationStatus::NotApplicable;
                entry.reason = excluded->second;
                entry.owner = kCiso;
            } else {
                entry.owner = ownerForTheme(control.ref);
                if (kImplemented.contains(control.ref)) {
                    entry.status = ImplementationStatus::Implemented;
                } else if (kPlanned.contains(control.ref)) {
                    entry.status = ImplementationStatus::Planned;
                    entry.due = day(45);
                } else if (kNotStarted.contains(control.ref)) {
                    entry.status = ImplementationStatus::NotStarted;
                    entry.due = day(75);
                } else {
                    entry.status = ImplementationStatus::Partial;
                    entry.due = day(30);
                }
            }
            CW_DEMO_TRY(setImplementationStatus(m_ws, entry), "status of " + entry.subject);
        }
        for (const auto& [ref, status] : kSoc2) {
            StatusEntry entry;
            entry.subject = "soc2-2017:" + ref;
            entry.requirement = true;
            entry.status = status;
            entry.owner = kCompliance;
            entry.note = "assessed in the SOC 2 readiness review";
            if (status != ImplementationStatus::Implemented) entry.due = day(40);
            CW_DEMO_TRY(setImplementationStatus(m_ws, entry), "status of " + entry.subject);
        }
        for (const auto& [ref, status] : kHipaa) {
            StatusEntry entry;
            entry.subject = "hipaa:" + ref;
            entry.requirement = true;
            entry.status = status;
            entry.owner = kCompliance;
            entry.note = "assessed in the HIPAA security risk analysis";
            if (status != ImplementationStatus::Implemented) entry.due = day(60);
            CW_DEMO_TRY(setImplementationStatus(m_ws, entry), "status of " + entry.subject);
        }
        return {};
    }

    Result<void> risksAndAssets() {
        RiskMatrix matrix;  // the default 5 × 5: medium from 5, high from 12, accept up to 4
        if (auto r = setRiskMatrix(m_ws, matrix); !r) return r.error();
        for (const auto& spec : kRisks) {
            Risk risk;
            risk.key = spec.key;
            risk.title = spec.title;
            risk.assets = spec.assets;
            risk.threat = spec.threat;
            risk.vulnerability = spec.vulnerability;
            risk.owner = spec.owner;
            risk.likelihood = spec.likelihood;
            risk.impact = spec.impact;
            risk.treatment = spec.treatment;
            risk.controls = spec.controls;
            risk.residualLikelihood = spec.residualLikelihood;
            risk.residualImpact = spec.residualImpact;
            if (spec.acceptedDaysAgo >= 0) {
                risk.acceptedBy = spec.owner;
                risk.acceptedOn = day(-spec.acceptedDaysAgo);
            }
            CW_DEMO_TRY(setRisk(m_ws, risk), std::string("risk ") + spec.key);
            ++m_summary.risks;
        }
        return {};
    }

    Result<void> addItems(const std::vector<EvidenceSpec>& specs) {
        for (const auto& spec : specs) {
            EvidenceItem item;
            item.key = spec.key;
            item.title = spec.title;
            item.kind = spec.kind;
            item.location = spec.location;
            item.owner = spec.owner;
            item.collectedOn = day(-spec.collectedDaysAgo);
            if (spec.reviewDays > 0) {
                item.reviewDays = spec.reviewDays;
            } else {
                item.validUntil = day(spec.validUntilDays);
            }
            CW_DEMO_TRY(addEvidence(m_ws, item), std::string("evidence ") + spec.key);
            for (const auto& link : spec.links) {
                CW_DEMO_TRY(linkEvidence(m_ws, spec.key, link), std::string("evidence ") + spec.key + " → " + link);
            }
            ++m_summary.evidence;
        }
        return {};
    }

    Result<void> evidence() {
        if (auto r = addItems(kDocuments); !r) return r.error();
        if (auto r = addItems(kOperational); !r) return r.error();
        CW_DEMO_TRY(
            setEvidenceScope(m_ws, "EV-118", {"hipaa", false, "office network only; the ePHI environment is in AWS"}),
            "scope of EV-118");
        if (m_hasPci) {
            CW_DEMO_TRY(
                setEvidenceScope(m_ws, "EV-118",
                                 {"pci-dss-4.0.1", false, "office network only; not the cardholder data environment"}),
                "scope of EV-118");
        }
        return {};
    }

    Result<void> statementOfApplicability() {
        CW_DEMO_TRY(draftSoa(m_ws), "draft");
        // Planted Stage 1 findings: a decision without justification, an exclusion without
        // a reason, and a control a risk treatment chose but the SoA excludes.
        SoaEdit noJustification;
        noJustification.ref = "A.5.6";
        noJustification.applicable = true;
        noJustification.justification = "";
        CW_DEMO_TRY(editSoa(m_ws, noJustification), "A.5.6");
        SoaEdit noReason;
        noReason.ref = "A.7.6";
        noReason.applicable = false;
        noReason.justification = "";
        CW_DEMO_TRY(editSoa(m_ws, noReason), "A.7.6");
        SoaEdit contradiction;
        contradiction.ref = "A.8.11";
        contradiction.applicable = false;
        contradiction.justification =
            "Production data is never copied to non-production environments; test data is synthetic.";
        CW_DEMO_TRY(editSoa(m_ws, contradiction), "A.8.11");

        // Every other row the draft left undecided is included on business need.
        auto rows = soa(m_ws);
        if (!rows) return rows.error();
        for (const auto& row : *rows) {
            if (row.applicable.has_value()) continue;
            SoaEdit edit;
            edit.ref = row.ref;
            edit.applicable = true;
            edit.businessNeed = "Expected by hospital customers' security questionnaires.";
            edit.justification = "Included on business need: expected of a cloud service handling health data.";
            CW_DEMO_TRY(editSoa(m_ws, edit), row.ref);
        }
        rows = soa(m_ws);
        if (!rows) return rows.error();
        m_summary.soaRows = rows->size();
        return {};
    }

    Result<void> auditsAndReviews() {
        AuditProgramme programme;
        programme.key = "AP-" + std::to_string(day(-60).year());
        programme.title = "ISMS internal audit programme";
        programme.startsOn = day(-60);
        programme.endsOn = day(305);
        programme.objectives =
            "Cover every clause 4-10 requirement and every applicable Annex A control once per three-year cycle; "
            "high-risk areas (access, vulnerability management, incidents) every year.";
        CW_DEMO_TRY(setAuditProgramme(m_ws, programme), "programme");

        Audit audit;
        audit.key = "IA-" + std::to_string(day(-48).year()) + "-1";
        audit.programme = programme.key;
        audit.kind = AuditKind::Internal;
        audit.title = "Full ISMS internal audit before Stage 1";
        audit.scope = "Clauses 4-10 and a risk-based sample of Annex A controls";
        audit.areas = {"iso27001-2022:4.3",    "iso27001-2022:6.1.2",  "iso27001-2022:7.2",  "iso27001-2022:9.1",
                       "iso27001-2022:A.5.15", "iso27001-2022:A.5.24", "iso27001-2022:A.8.8"};
        audit.auditor = "Harbor Assurance Partners (outsourced internal audit)";
        audit.plannedOn = day(-48);
        audit.completedOn = day(-44);
        audit.status = AuditStatus::Completed;
        CW_DEMO_TRY(setAudit(m_ws, audit), "audit");
        ++m_summary.audits;

        struct FindingSpec {
            const char* key;
            FindingType type;
            const char* requirement;
            const char* description;
            int closedDaysAgo;  // < 0: open
        };
        const std::vector<FindingSpec> findings = {
            {"F-01", FindingType::MinorNonconformity, "iso27001-2022:A.8.8",
             "Critical vulnerabilities on two production hosts were patched after the 14-day deadline.", -1},
            {"F-02", FindingType::Observation, "iso27001-2022:A.5.24",
             "The incident response plan was last exercised more than a year ago.", -1},
            {"F-03", FindingType::Opportunity, "iso27001-2022:9.1",
             "ISMS metrics are compiled by hand; they could be drawn from the SIEM.", -1},
            {"F-04", FindingType::MinorNonconformity, "iso27001-2022:7.2",
             "Competence records were missing for two engineers hired this year.", 30},
        };
        for (const auto& spec : findings) {
            AuditFinding finding;
            finding.key = spec.key;
            finding.audit = audit.key;
            finding.type = spec.type;
            finding.requirement = spec.requirement;
            finding.description = spec.description;
            finding.raisedOn = day(-45);
            finding.open = spec.closedDaysAgo < 0;
            if (!finding.open) finding.closedOn = day(-spec.closedDaysAgo);
            CW_DEMO_TRY(setAuditFinding(m_ws, finding), std::string("finding ") + spec.key);
            ++m_summary.findings;
        }
        const std::vector<CorrectiveAction> actions = {
            {"CA-01", "F-01", "Rebuild container base images automatically and alert when a patch deadline is near.",
             "Base image rebuilds were manual and nobody tracked the deadline.", kCto, day(20),
             ActionStatus::InProgress, std::nullopt},
            {"CA-02", "F-02", "Run an incident response tabletop exercise with the on-call engineers.", "", kCiso,
             day(10), ActionStatus::Open, std::nullopt},
            {"CA-03", "F-04", "Add the competence record to the onboarding checklist and backfill the two records.",
             "The onboarding checklist had no step for competence records.", kPeople, day(-35), ActionStatus::Verified,
             day(-32)},
        };
        for (const auto& action : actions) CW_DEMO_TRY(setCorrectiveAction(m_ws, action), "action " + action.key);

        // Input e) (feedback from interested parties) was not covered: a planted Stage 2 finding.
        ManagementReview review;
        review.key = "MR-" + std::to_string(day(-28).year()) + "-1";
        review.heldOn = day(-28);
        review.chair = kCeo;
        review.attendees = std::string(kCiso) + ", " + kCto + ", " + kCompliance + ", " + kPeople;
        review.notes = "First management review of the ISMS, before the certification audit.";
        review.inputs = {
            {ReviewInput::PreviousActions, "First review: no earlier actions; ISMS project plan on track."},
            {ReviewInput::IssuesChanges, "New hospital customers require SOC 2 Type 2; PCI DSS planned next year."},
            {ReviewInput::InterestedPartiesChanges, "Customers now ask for HIPAA business associate terms up front."},
            {ReviewInput::Nonconformities, "Two minor nonconformities from the internal audit; one closed."},
            {ReviewInput::MonitoringResults, "Patch deadlines met for 92% of findings; MFA coverage 100%."},
            {ReviewInput::AuditResults, "Internal audit found the ISMS largely effective; see the audit report."},
            {ReviewInput::ObjectivesFulfilment, "Objectives drafted; measurement starts next quarter."},
            {ReviewInput::RiskResults, "Eight risks; two high risks reduced to medium by treatment."},
            {ReviewInput::ImprovementOpportunities, "Automate ISMS metrics from the SIEM."},
        };
        review.decisions = {
            {DecisionKind::Improvement, "Automate ISMS metrics from the SIEM.", kCiso, day(60)},
            {DecisionKind::IsmsChange, "Extend the ISMS scope to card payments when PCI DSS work starts.", kCompliance,
             day(150)},
            {DecisionKind::Resources, "Hire a second security engineer.", kCeo, day(90)},
            {DecisionKind::Readiness, "The ISMS is ready for the Stage 1 audit.", kCeo, std::nullopt},
        };
        review.readyForCertification = true;
        CW_DEMO_TRY(setManagementReview(m_ws, review), "management review");
        ++m_summary.reviews;
        return {};
    }

    Result<void> timelineAndCycles() {
        TimelineSettings settings;  // 30-day remediation buffer, 3-year certificate
        if (auto r = setTimelineSettings(m_ws, settings); !r) return r.error();
        struct StepSpec {
            Step step;
            int plannedStart;
            int plannedEnd;
            std::optional<int> actualStart;
            std::optional<int> actualEnd;
            const char* note;
        };
        // ISMS development finished five days late (a "slipped" warning).
        const std::vector<StepSpec> steps = {
            {Step::GapAnalysis, -240, -210, -240, -212, "Gap analysis against ISO 27001, SOC 2 and HIPAA"},
            {Step::IsmsDevelopment, -210, -60, -210, -55, "Scope, risk assessment, SoA, controls and documents"},
            {Step::InternalAudit, -48, -44, -48, -44, "Outsourced internal audit"},
            {Step::ManagementReview, -28, -28, -28, -28, "First management review"},
            {Step::Stage1, 14, 15, std::nullopt, std::nullopt, "Certification body: documentation review"},
            {Step::Remediation, 16, 50, std::nullopt, std::nullopt, "Close Stage 1 findings"},
            {Step::Stage2, 60, 62, std::nullopt, std::nullopt, "Certification audit on site and remote"},
            {Step::Certificate, 90, 90, std::nullopt, std::nullopt, "Certificate decision"},
        };
        for (const auto& s : steps) {
            Milestone m;
            m.step = s.step;
            m.plannedStart = day(s.plannedStart);
            m.plannedEnd = day(s.plannedEnd);
            if (s.actualStart) m.actualStart = day(*s.actualStart);
            if (s.actualEnd) m.actualEnd = day(*s.actualEnd);
            m.note = s.note;
            CW_DEMO_TRY(setMilestone(m_ws, m), std::string("step ") + std::string(toString(s.step)));
        }
        const std::vector<Cycle> cycles = {
            {"SOC2-T1", "soc2-2017", CycleKind::Soc2Type1, "SOC 2 Type 1 report date", day(-20), day(-20), 0},
            {"SOC2-T2-OBS", "soc2-2017", CycleKind::Soc2Type2Observation, "SOC 2 Type 2 observation period", day(-19),
             day(163), 12},
            {"SOC2-T2-RPT", "soc2-2017", CycleKind::Soc2Type2Report, "SOC 2 Type 2 report", day(190), day(200), 12},
            {"HIPAA-RA", "hipaa", CycleKind::HipaaRiskAnalysis, "HIPAA security risk analysis", day(-100), day(-90),
             12},
            {"PCI-DSS", "pci-dss-4.0.1", CycleKind::PciAssessment, "First PCI DSS assessment", day(150), day(170), 12},
        };
        for (const auto& cycle : cycles) {
            if (cycle.framework == "pci-dss-4.0.1" && !m_hasPci) continue;  // PCI DSS is "next": shown when loaded
            CW_DEMO_TRY(setCycle(m_ws, cycle), "cycle " + cycle.key);
        }
        return {};
    }

    Workspace& m_ws;
    const PluginHost& m_host;
    Date m_today;
    bool m_hasPci = false;
    DemoSummary m_summary;
};

}  // namespace

Result<DemoSummary> buildDemo(Workspace& ws, const PluginHost& host, Date today) {
    return DemoBuilder(ws, host, today).build();
}

}  // namespace cw
