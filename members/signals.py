from django.dispatch import Signal

# Sent with ``user`` inside the account deletion's transaction, before the account row goes: every app that
# keeps the person's data connects a receiver and removes or anonymises it (pending submissions, contact
# details typed into a profile). A receiver that raises stops the deletion; nothing is removed then.
forget_person = Signal()
