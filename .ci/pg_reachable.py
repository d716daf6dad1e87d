"""Exit 0 when the PostgreSQL server of a database URL accepts connections.

Connects to the server's ``postgres`` database, since the named database may
not exist yet (the test runner creates its own).
"""

import sys

import psycopg
from dj_database_url import parse


def main(url: str) -> int:
    config = parse(url)
    try:
        psycopg.connect(
            dbname="postgres",
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            host=config.get("HOST") or None,
            port=config.get("PORT") or None,
            connect_timeout=3,
        ).close()
    except psycopg.Error:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
