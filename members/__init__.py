"""The member area, "Moje konto": the dashboard other apps add sections to, and deleting the account."""
