"""Topic bank for synthetic cohorts: how an expert names a skill, how a learner names the need.

The two sides are worded differently on purpose (few shared words), so a matcher has to
understand the phrases rather than count overlapping keywords. Written for the benchmarks;
it is not product data.
"""

# topic: (ways to state the skill, ways to state the goal)
TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "sql": (
        ["SQL window functions", "tuning PostgreSQL queries", "relational database design"],
        [
            "write faster database queries",
            "get reports out of our data warehouse",
            "learn to query relational data",
        ],
    ),
    "python": (
        ["Python programming", "writing idiomatic Python", "Python packaging"],
        [
            "learn to script in a popular programming language",
            "automate tasks with small programs",
            "write cleaner scripts for data work",
        ],
    ),
    "testing": (
        ["unit testing with pytest", "test-driven development", "test automation"],
        [
            "stop shipping regressions to users",
            "improve my automated test coverage",
            "catch software bugs before release",
        ],
    ),
    "kubernetes": (
        ["Kubernetes operations", "container orchestration", "Helm charts"],
        [
            "deploy services on containers",
            "run our microservices on a cluster",
            "understand Docker deployments",
        ],
    ),
    "ml": (
        [
            "machine learning models",
            "training classifiers with scikit-learn",
            "feature engineering",
        ],
        [
            "build my first predictive model",
            "understand how AI models learn from data",
            "apply classification to customer churn",
        ],
    ),
    "stats": (
        ["statistics and hypothesis testing", "A/B test analysis", "experimental design"],
        [
            "know if my experiment result is statistically real",
            "understand p-values and significance",
            "design fair controlled experiments",
        ],
    ),
    "dataviz": (
        ["data visualisation", "dashboard design in Tableau", "charting with matplotlib"],
        [
            "make clearer charts of our figures",
            "present numbers in graphs",
            "build a useful metrics dashboard",
        ],
    ),
    "public_speaking": (
        ["public speaking", "conference talks", "presenting to large audiences"],
        [
            "feel confident speaking on stage",
            "give clear presentations",
            "stop being nervous when I present",
        ],
    ),
    "writing": (
        ["technical writing", "editing documentation", "writing clear specifications"],
        [
            "write better docs for my code",
            "explain my engineering work in written form",
            "produce readable design documents",
        ],
    ),
    "negotiation": (
        ["negotiation", "contract bargaining", "closing deals with suppliers"],
        ["negotiate my salary", "get a better deal from vendors", "bargain well in contract talks"],
    ),
    "people_mgmt": (
        ["people management", "leading engineering teams", "running one-to-ones"],
        [
            "manage a small team",
            "become a good first-time manager",
            "support my direct reports as a boss",
        ],
    ),
    "hiring": (
        ["recruiting and interviewing", "structured hiring", "talent acquisition"],
        [
            "run better job interviews",
            "find strong candidates to hire",
            "grow my team with good recruits",
        ],
    ),
    "conflict": (
        ["conflict resolution", "mediation between colleagues", "handling difficult conversations"],
        [
            "deal with tension and disputes in my team",
            "calm heated disagreements between colleagues",
            "handle difficult feedback conversations",
        ],
    ),
    "time_mgmt": (
        ["time management", "prioritisation frameworks", "personal productivity systems"],
        [
            "stop missing deadlines",
            "organise my working week better",
            "prioritise my tasks and be more productive",
        ],
    ),
    "ux_research": (
        ["user research", "usability testing", "customer interviews"],
        [
            "understand what users really need",
            "validate product ideas by talking to customers",
            "run my first usability study",
        ],
    ),
    "ui_design": (
        ["interface design in Figma", "visual design", "design systems"],
        [
            "make our app interface look polished",
            "create consistent screen designs",
            "learn to mock up layouts and wireframes",
        ],
    ),
    "product": (
        ["product management", "roadmap planning", "writing user stories"],
        [
            "decide which features to build next",
            "move into a product owner role",
            "prioritise a product backlog",
        ],
    ),
    "agile": (
        ["Scrum facilitation", "agile coaching", "running retrospectives"],
        [
            "make our sprints less chaotic",
            "improve how the team plans iterations",
            "run better stand-ups and ceremonies",
        ],
    ),
    "security": (
        ["application security", "threat modelling", "penetration testing"],
        [
            "protect our systems from cyber attacks",
            "find vulnerabilities in my code",
            "learn ethical hacking",
        ],
    ),
    "cloud_cost": (
        ["cloud cost optimisation", "AWS billing analysis", "FinOps"],
        [
            "cut our cloud hosting bill",
            "understand why the Amazon Web Services invoice is so high",
            "spend less on cloud servers",
        ],
    ),
    "networking": (
        ["computer networking", "TCP/IP and DNS", "firewall configuration"],
        [
            "understand how internet routing works",
            "debug network connection problems",
            "set up a VPN and firewall rules",
        ],
    ),
    "linux": (
        ["Linux system administration", "shell scripting in Bash", "server hardening"],
        [
            "get comfortable on the Unix command line",
            "manage my own Linux server",
            "automate sysadmin chores with scripts",
        ],
    ),
    "frontend": (
        ["React development", "modern JavaScript", "CSS layout"],
        [
            "build interactive web pages",
            "create a single-page web app in JavaScript",
            "make websites responsive in the browser",
        ],
    ),
    "mobile": (
        ["iOS development in Swift", "Android apps with Kotlin", "mobile app publishing"],
        [
            "build an app for phones",
            "ship something to the App Store",
            "learn smartphone app programming",
        ],
    ),
    "accessibility": (
        ["web accessibility", "WCAG audits", "screen reader testing"],
        [
            "make our website usable by blind people",
            "include users with disabilities",
            "pass an accessibility review",
        ],
    ),
    "finance": (
        ["financial modelling", "budget forecasting", "reading balance sheets"],
        [
            "understand company financial accounts",
            "plan my department budget",
            "make sense of profit and loss statements",
        ],
    ),
    "excel": (
        ["advanced Excel", "pivot tables and lookups", "spreadsheet automation with macros"],
        [
            "work faster in spreadsheets",
            "summarise big tables of numbers in a spreadsheet",
            "stop copying cells by hand in workbooks",
        ],
    ),
    "marketing": (
        ["digital marketing", "SEO and content strategy", "paid social campaigns"],
        [
            "get more visitors to our website",
            "rank higher on Google search",
            "grow our audience online with content",
        ],
    ),
    "sales": (
        ["B2B sales", "account management", "sales pipeline forecasting"],
        [
            "win more business customers",
            "pitch our product to companies",
            "hit my quarterly sales targets",
        ],
    ),
    "customer_success": (
        ["customer onboarding", "customer success management", "handling escalations"],
        [
            "keep clients happy after they buy",
            "reduce customer complaints",
            "help new customers get started",
        ],
    ),
    "coaching": (
        ["executive coaching", "career coaching", "active listening"],
        [
            "figure out my next career step",
            "find direction in my professional life",
            "plan my career progression",
        ],
    ),
    "wellbeing": (
        ["stress management", "mindfulness practice", "preventing burnout"],
        [
            "feel less overwhelmed and anxious at work",
            "switch off and relax after work",
            "recover from exhaustion",
        ],
    ),
    "leadership": (
        ["strategic leadership", "setting a team vision", "leading through change"],
        [
            "inspire people to follow a vision",
            "grow into a senior leader",
            "lead my organisation through a restructuring",
        ],
    ),
    "project_mgmt": (
        ["project management", "PMP planning methods", "risk registers and Gantt charts"],
        [
            "deliver projects on schedule",
            "keep a big initiative under control",
            "track project milestones and risks",
        ],
    ),
    "legal": (
        ["contract law", "GDPR compliance", "intellectual property"],
        [
            "know what personal data we may legally store",
            "read a legal agreement without fear",
            "protect our patents and trademarks",
        ],
    ),
    "bulgarian": (
        ["native Bulgarian speaker", "teaching Bulgarian grammar", "Bulgarian translation"],
        [
            "speak with locals in Sofia",
            "learn the Bulgarian language",
            "order food in Bulgaria in the local language",
        ],
    ),
    "german": (
        ["fluent German", "German business correspondence", "teaching German"],
        [
            "talk to our clients in Berlin in their language",
            "pass a German language exam",
            "read emails from colleagues in Germany",
        ],
    ),
    "git": (
        ["Git version control", "branching strategies", "resolving merge conflicts"],
        [
            "stop losing my code changes",
            "collaborate on code with branches and pull requests",
            "undo a bad commit",
        ],
    ),
    "architecture": (
        ["software architecture", "microservices design", "domain-driven design"],
        [
            "structure a large codebase",
            "split a monolith into services",
            "design systems that are easier to change",
        ],
    ),
    "performance": (
        ["performance profiling", "latency optimisation", "caching strategies"],
        [
            "make our app respond quicker",
            "find why pages load slowly",
            "reduce response times under load",
        ],
    ),
    "data_eng": (
        ["data pipelines with Airflow", "ETL engineering", "Spark batch jobs"],
        [
            "move data between systems every night",
            "build a reliable data ingestion pipeline",
            "process big datasets in batches",
        ],
    ),
    "embedded": (
        ["embedded C programming", "microcontroller firmware", "real-time systems"],
        [
            "program an Arduino",
            "write code for small hardware devices",
            "understand hardware interrupts",
        ],
    ),
    "gamedev": (
        ["Unity game development", "3D graphics programming", "game design"],
        ["make a video game", "learn to build 3D game worlds", "prototype a small game"],
    ),
    "photography": (
        ["photography", "photo editing in Lightroom", "studio lighting"],
        ["take better pictures", "edit my photos", "shoot portraits with a camera"],
    ),
    "event": (
        ["event planning", "organising meetups", "running workshops"],
        [
            "host a team offsite event",
            "organise a community gathering",
            "facilitate a half-day session",
        ],
    ),
    "onboarding": (
        ["designing onboarding programmes", "internal training", "learning and development"],
        [
            "help new hires ramp up quickly",
            "teach colleagues through training sessions",
            "build an internal training course",
        ],
    ),
    "diversity": (
        ["diversity and inclusion", "inclusive hiring practices", "employee resource groups"],
        [
            "make our team more inclusive",
            "reduce bias in our hiring decisions",
            "support underrepresented colleagues",
        ],
    ),
    "sustainability": (
        ["sustainability reporting", "carbon accounting", "ESG strategy"],
        [
            "measure our environmental footprint",
            "reduce the company's emissions",
            "write a green policy",
        ],
    ),
    "supply_chain": (
        ["supply chain planning", "inventory optimisation", "logistics"],
        ["avoid running out of stock", "ship goods more cheaply", "plan warehouse levels"],
    ),
    "quality": (
        ["Six Sigma quality", "root cause analysis", "lean process improvement"],
        [
            "reduce defects in production",
            "find out why processes keep failing",
            "streamline a manufacturing process",
        ],
    ),
    "api": (
        ["REST API design", "OpenAPI specifications", "GraphQL"],
        [
            "build a clean web interface for other teams services",
            "expose our data to partners through endpoints",
            "version our web service endpoints well",
        ],
    ),
    "observability": (
        ["monitoring with Prometheus", "distributed tracing", "incident response"],
        [
            "know when production systems break",
            "set up alerts and dashboards for our services",
            "debug outages faster",
        ],
    ),
    "mentoring": (
        ["mentoring juniors", "pair programming", "code review"],
        [
            "learn from an experienced engineer",
            "get feedback on my code",
            "grow as a software developer",
        ],
    ),
    "storytelling": (
        ["storytelling", "executive communication", "persuasive writing"],
        [
            "convince leadership of my idea",
            "make my presentations memorable",
            "pitch projects persuasively to directors",
        ],
    ),
    "research": (
        ["academic research methods", "literature reviews", "publishing papers"],
        [
            "write my first academic paper",
            "do a proper scientific study",
            "find related scholarly work quickly",
        ],
    ),
    "nlp": (
        ["natural language processing", "text classification", "transformer language models"],
        [
            "make computers understand human text",
            "build a chatbot",
            "analyse customer comments automatically",
        ],
    ),
    "blockchain": (
        ["smart contracts in Solidity", "blockchain protocols", "cryptography"],
        ["understand crypto tokens", "build a decentralised app", "learn how encryption works"],
    ),
    "hr_policy": (
        ["HR policy", "employment law", "compensation and benefits"],
        [
            "design a fair pay structure",
            "write a remote-work policy for staff",
            "understand parental leave rules",
        ],
    ),
    "procurement": (
        ["procurement", "vendor management", "tender evaluation"],
        ["choose the right supplier", "run a fair bidding process", "manage outsourcing partners"],
    ),
    "remote_work": (
        ["leading remote teams", "asynchronous collaboration", "running online workshops"],
        [
            "keep a distributed team connected",
            "make video meetings less tiring",
            "work well from home with my team",
        ],
    ),
}

INTERESTS = [
    "hiking",
    "chess",
    "board games",
    "running",
    "cooking",
    "jazz",
    "reading novels",
    "cycling",
    "yoga",
    "photography walks",
    "gardening",
    "climbing",
    "films",
    "travel",
    "volunteering",
    "football",
    "painting",
    "podcasts",
    "birdwatching",
    "baking",
]
LEVELS = ["junior", "mid", "senior", "lead"]
SLOTS = [f"{d}-{h}" for d in ("mon", "tue", "wed", "thu", "fri") for h in ("am", "pm")]
FIRST = [
    "Ana",
    "Boris",
    "Chen",
    "Dora",
    "Emil",
    "Fatima",
    "Georgi",
    "Hana",
    "Ivan",
    "Julia",
    "Kalin",
    "Lena",
    "Mira",
    "Nikolai",
    "Olga",
    "Petar",
    "Rosa",
    "Stefan",
    "Teodora",
    "Viktor",
]
LAST = [
    "Petrova",
    "Ivanov",
    "Li",
    "Georgieva",
    "Dimitrov",
    "Khan",
    "Nikolov",
    "Novak",
    "Stoyanov",
    "Weber",
    "Hristov",
    "Popova",
    "Kolev",
    "Marinova",
    "Todorov",
    "Angelova",
    "Silva",
    "Yilmaz",
]
