"""django-allauth hooks: the client's address by the portal's proxy rule, and a sign-up that takes as long
for an address that already has an account as for a new one."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password

from wortal.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # One rule for allauth's rate limits, axes and django-ratelimit (wortal/client_ip.py).
        return client_ip(request)


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        # For an address that already has an account allauth only sends a "you already have an account" e-mail,
        # skipping the deliberately slow password hash a new account costs: the difference in time would tell
        # a stranger which addresses are registered. Hash (and throw away) the password here too. Both paths
        # then queue one e-mail (django-mailer), so neither waits for SMTP.
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
