"""One moderation workflow for every kind of member submission; apps register what they moderate.

See docs/moderation.md for the registration API.
"""
