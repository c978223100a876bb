"""The three structure steps (customer types, segments, jobs) and their fixed wording.

Kept free of pydantic and Textual: the first frame of the wizard is painted from these
before the models are loaded (see wizard/files/first_frame.py).
"""

from __future__ import annotations

TYPES, SEGMENTS, JOBS = "structure.customer_types", "structure.segments", "structure.jobs"
STRUCTURE_SECTION = "Structure"
"""The section title of the structure steps (scoring's section `structure`)."""
STRUCTURE_TITLES = {TYPES: "Customer types", SEGMENTS: "Segments", JOBS: "Jobs"}
STRUCTURE_PROMPTS = {
    TYPES: "Who are your customer types (the roles your model needs)?",
    SEGMENTS: "Which segments of this customer type will you serve?",
    JOBS: "What jobs is this segment trying to get done?",
}
STRUCTURE_NOUNS = {TYPES: "customer type", SEGMENTS: "segment", JOBS: "job"}
STRUCTURE_PLACEHOLDERS = {
    TYPES: "A customer type, e.g. Users, Advertisers, Funders",
    SEGMENTS: "A segment, e.g. University students living away from home",
    JOBS: "A job in their words, e.g. Sell enough tickets to cover the venue",
}
