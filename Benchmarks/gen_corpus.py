#!/usr/bin/env python3
"""Writes N synthetic interview guides (Markdown + YAML front matter) into OUTDIR for Prepress's benchmark.

    python3 Benchmarks/gen_corpus.py N OUTDIR [--seed S]

Each guide has the shape users write (see content/medical-equipment-account-manager.md): front matter
with term, description, category, vertical, dates, author, avatar, image and 3-6 tags; an overview of
qualifications; then "Interview Questions and Answers" with Technical, Behavioral, Situational and
Problem-Solving sections, numbered questions, answers with examples, reasoning and follow-up points,
and now and then a code block. Bodies are about 10 KB. Tags come from a pool of 300 with a Zipf-like
skew (a few on most guides, a long tail on few), including symbols (C++, C#, R&D), accents, other
scripts and case variants of one tag. Guide i depends only on (seed, i): the first 1,000 guides of a
10,000-guide corpus are the 1,000-guide corpus. Existing files are left alone, so a corpus is reused.
"""
import argparse
import datetime
import os
import random
import re

ROLES = [
    ("Account Executive", "Sales"), ("Inside Sales Representative", "Sales"), ("Sales Operations Analyst", "Sales"),
    ("Regional Sales Manager", "Sales"), ("Backend Developer", "Engineering"), ("Site Reliability Engineer", "Engineering"),
    ("Mobile Developer", "Engineering"), ("Test Automation Engineer", "Engineering"), ("Platform Engineer", "Engineering"),
    ("Data Engineer", "Data & Analytics"), ("Business Intelligence Analyst", "Data & Analytics"),
    ("Machine Learning Engineer", "Data & Analytics"), ("Growth Marketer", "Marketing"), ("Product Marketing Manager", "Marketing"),
    ("Social Media Manager", "Marketing"), ("Accountant", "Finance"), ("FP&A Analyst", "Finance"), ("Treasury Analyst", "Finance"),
    ("Warehouse Supervisor", "Operations"), ("Fleet Coordinator", "Operations"), ("Production Planner", "Operations"),
    ("Buyer", "Operations"), ("Implementation Consultant", "Customer Success"), ("Support Team Lead", "Customer Success"),
    ("Technical Account Manager", "Customer Success"), ("Program Manager", "Product"), ("Product Owner", "Product"),
    ("Service Designer", "Design"), ("UI Designer", "Design"), ("Talent Partner", "Human Resources"),
    ("Payroll Specialist", "Human Resources"), ("Nurse Educator", "Healthcare"), ("Clinical Trial Coordinator", "Healthcare"),
    ("Quality Auditor", "Legal & Compliance"), ("Privacy Analyst", "Legal & Compliance"), ("Contracts Manager", "Legal & Compliance"),
    ("Penetration Tester", "Engineering"), ("Solutions Consultant", "Sales"), ("Research Analyst", "Data & Analytics"),
    ("Office Coordinator", "Human Resources"),
]

VERTICALS = [
    ("Medical Device", "Medical Device", "hospital purchasing teams", "sterile supply kits", "FDA quality rules"),
    ("Pharmaceutical", "Pharma", "specialist prescribers", "biologic therapies", "GMP inspections"),
    ("Banking", "Bank", "small-business customers", "credit products", "capital requirements"),
    ("Insurance", "Insurance", "brokers", "underwriting tools", "solvency reporting"),
    ("Retail", "Retail", "in-store customers", "seasonal ranges", "consumer law"),
    ("E-commerce", "Online Retail", "repeat buyers", "marketplace listings", "payment card rules"),
    ("Automotive", "Automotive", "dealer groups", "electric drivetrains", "functional safety standards"),
    ("Aerospace", "Aerospace", "maintenance operators", "flight control software", "airworthiness directives"),
    ("Telecommunications", "Telecom", "business subscribers", "fibre rollouts", "licensing conditions"),
    ("Energy", "Energy", "grid operators", "battery storage", "reliability standards"),
    ("Logistics", "Logistics", "freight forwarders", "cross-dock hubs", "customs declarations"),
    ("Education", "Education", "school administrators", "learning apps", "student privacy law"),
    ("Government", "Government", "residents", "digital services", "public procurement rules"),
    ("Hospitality", "Hospitality", "hotel guests", "reservation systems", "licensing rules"),
    ("SaaS", "SaaS", "mid-market accounts", "subscription platforms", "data protection law"),
    ("Manufacturing", "Manufacturing", "plant leaders", "assembly lines", "ISO certification"),
    ("Biotech", "Biotech", "research partners", "diagnostic assays", "trial protocols"),
    ("Media", "Media", "subscribers", "streaming apps", "content rating rules"),
    ("Cybersecurity", "Security", "security operations teams", "detection platforms", "audit frameworks"),
    ("Nonprofit", "Nonprofit", "donors", "fundraising campaigns", "charity regulation"),
]

LEVELS = ["", "", "", "Senior ", "Junior ", "Lead ", "Principal ", "Associate "]
AUTHORS = ["Will Gordon", "Priya Raman", "Anna Kowalczyk", "Daniel Osei", "Marta Lindgren", "Kenji Watanabe",
           "Sofia Moreno", "Lucas Dubois", "Amara Nwosu", "Henrik Berg", "Leila Haddad", "Tomás Álvarez",
           "Chen Wei", "Ruth Abramson", "Oskar Nowak", "Julia Brandt", "Ibrahim Khan", "Emily Carter"]
IMAGES = [("/images/software-engineering-interview.jpg", "Software Engineering Interview"),
          ("/images/interview-desk.jpg", "Two people at an interview desk"),
          ("/images/panel.jpg", "A panel interview"), ("/images/video-interview.jpg", "A video interview")]

HEAD_TAGS = ["Interview Prep", "Career Growth", "B2B Sales", "Communication", "Leadership", "Problem Solving",
             "Client Management", "Teamwork", "Remote Work", "Negotiation", "Data Literacy", "Time Management",
             "C++", "C#", "C", "R&D", "Q/A", "Node.js", "Café Ops", "面接対策", "Собеседование", "b2b sales",
             "B2B  Sales", "CI/CD", "Salesforce + HubSpot", "Ünternehmen", "Résumé Tips", "🚀 Fast Track"]
TAG_LEFT = ["Enterprise", "Clinical", "Cloud", "Retail", "Field", "Global", "Regional", "Digital", "Financial",
            "Technical", "Product", "Vendor", "Customer", "Security", "Quality", "Supply"]
TAG_RIGHT = ["Strategy", "Operations", "Compliance", "Analytics", "Onboarding", "Support", "Planning", "Reporting",
             "Partnerships", "Training", "Automation", "Governance", "Forecasting", "Research", "Design", "Risk",
             "Pricing", "Procurement"]
TAGS = (HEAD_TAGS + [f"{left} {right}" for right in TAG_RIGHT for left in TAG_LEFT])[:300]
WEIGHTS = [1.0 / (rank + 1) ** 1.07 for rank in range(len(TAGS))]

OPENERS = ["In my last role", "At my previous company", "During a two-year project", "When I joined a new team",
           "Early in my career", "In a recent quarter"]
VERBS = ["reviewed", "rebuilt", "simplified", "measured", "documented", "negotiated", "automated", "audited",
         "prioritised", "mapped"]
OBJECTS = ["the onboarding process", "our weekly reporting", "the escalation path", "a vendor contract",
           "the forecast model", "our handover checklist", "the pricing sheet", "a backlog of requests",
           "the training plan", "our service levels"]
RESULTS = ["cut turnaround by {n}%", "raised satisfaction scores by {n} points", "saved about {n} hours a month",
           "lifted renewals by {n}%", "reduced errors by {n}%", "brought {n} stalled accounts back"]
TECHNICAL = ["How do you use {tool} to keep {skill} under control?", "Walk me through how you would approach {skill} for {customers}.",
             "Which metrics tell you that {skill} is working?", "How would you explain {products} to a new hire?"]
BEHAVIORAL = ["Describe a time you disagreed with a manager about {skill}.", "Tell me about a mistake you made with {products}.",
              "Describe a time you had to learn {tool} quickly.", "Tell me about a time you helped a struggling colleague."]
SITUATIONAL = ["What would you do if {customers} complained about {products}?", "How would you handle a deadline you cannot meet?",
               "What would you do if a change to {rules} affected your plan?", "How would you respond to a rude stakeholder?"]
PROBLEM = ["How would you find out why {skill} results dropped last month?", "How would you decide between two urgent requests?",
           "How would you reduce the cost of {products} without hurting quality?", "What would you check first if {tool} data looks wrong?"]
SKILLS = ["account planning", "stakeholder updates", "quality checks", "incident handling", "forecasting",
          "process mapping", "customer interviews", "budget tracking", "risk reviews", "release planning"]
TOOLS = ["Excel", "Salesforce", "Jira", "SQL", "Tableau", "SAP", "Python", "Confluence", "HubSpot", "Power BI"]
CODE = ["```sql\nSELECT region, SUM(amount) AS total\nFROM orders\nWHERE placed_at >= DATE '2025-01-01'\nGROUP BY region\nORDER BY total DESC;\n```",
        "```python\ndef growth(previous, current):\n    if previous == 0:\n        return None\n    return round((current - previous) / previous * 100, 1)\n```",
        "```bash\n# nightly export of the pipeline report\ncsvtool col 1-4 report.csv > summary.csv\n```"]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self, rng, context):
        self.rng = rng
        self.context = context

    def fill(self, template):
        values = dict(self.context, skill=self.rng.choice(SKILLS), tool=self.rng.choice(TOOLS), n=self.rng.randint(8, 45))
        return template.format(**values)

    def sentence(self):
        rng = self.rng
        return self.fill(f"{rng.choice(OPENERS)}, I {rng.choice(VERBS)} {rng.choice(OBJECTS)} for {{customers}} "
                         f"and {rng.choice(RESULTS)}.")

    def paragraph(self, low, high):
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))


def body(rng, context):
    w = Writer(rng, context)
    parts = ["## Overview of Required Skills, Experience, and Certifications", "",
             w.paragraph(2, 3), "", "### Educational Background", ""]
    parts += [f"- **{degree}**: {w.paragraph(1, 2)}" for degree in ["Bachelor's Degree", "Further Study (Optional)"]]
    parts += ["", "### Certifications", ""]
    parts += [f"- **{w.fill('{tool}')} certification**: {w.paragraph(1, 2)}" for _ in range(rng.randint(2, 3))]
    parts += ["", "### Industry Experience", ""]
    parts += [f"- **{w.fill('{skill}').title()}**: {w.paragraph(1, 2)}" for _ in range(rng.randint(2, 4))]
    parts += ["", "## Interview Questions and Answers", ""]
    number = 0
    for name, templates in [("Technical", TECHNICAL), ("Behavioral", BEHAVIORAL), ("Situational", SITUATIONAL),
                            ("Problem-Solving", PROBLEM)]:
        parts += [f"### {name} Questions", ""]
        for template in rng.sample(templates, rng.randint(1, 2)):
            number += 1
            parts += [f"#### Question {number}: {w.fill(template)}", "", "**Answer:**"]
            parts += [f"- **Example {k}**: {w.paragraph(2, 4)}" for k in (1, 2)]
            if rng.random() < 0.15:
                parts += ["", rng.choice(CODE)]
            parts += ["", f"**Reasoning**: {w.paragraph(1, 2)}", "", "**Follow-Up Points**:"]
            parts += [f"- {w.paragraph(1, 1)}" for _ in range(2)]
            parts.append("")
    return "\n".join(parts)


def guide(seed, index):
    rng = random.Random(seed * 1_000_003 + index)
    role, category = rng.choice(ROLES)
    vertical, word, customers, products, rules = rng.choice(VERTICALS)
    term = f"{rng.choice(LEVELS)}{word} {role} Interview Guide"
    tags = []
    while len(tags) < rng.randint(3, 6):
        tag = rng.choices(TAGS, WEIGHTS)[0]
        if tag not in tags:
            tags.append(tag)
    published = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 900))
    modified = published + datetime.timedelta(days=rng.choice([0, 0, 3, 40, 120]))
    author = rng.choice(AUTHORS)
    image = rng.choice(IMAGES)
    context = {"customers": customers, "products": products, "rules": rules}
    description = (f"The {term} covers the skills, certifications and model answers you need to prepare for "
                   f"{role.lower()} interviews in the {vertical.lower()} sector.")
    front = [
        "---", f"term: {quote(term)}", f"description: {quote(description)}", f"category: {quote(category)}",
        f"vertical: {quote(vertical)}", f"pubDate: {published.isoformat()}", f'modDate: "{modified.isoformat()}"',
        f"author: {quote(author)}", "avatar:", f"  url: {quote('/images/' + slugify(author) + '.png')}",
        f"  alt: {quote(author)}", "image:", f"  url: {quote(image[0])}", f"  alt: {quote(image[1])}",
        "tags: [" + ",".join(quote(tag) for tag in tags) + "]", "---",
    ]
    return slugify(term), "\n".join(front) + "\n" + body(rng, context)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    seen = {}
    for index in range(args.count):
        slug, text = guide(args.seed, index)
        seen[slug] = seen.get(slug, 0) + 1
        name = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
        path = os.path.join(args.outdir, name + ".md")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    print(f"{args.count} guides in {args.outdir}")


if __name__ == "__main__":
    main()
