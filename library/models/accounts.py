from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's own user model, swappable from the first migration on.

    Nothing extra yet; having it means profile fields (organisation, preferred
    language) can arrive later without rewriting migrations.
    """
