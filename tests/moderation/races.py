"""Running steps at the same moment in threads, each with its own database connection (PostgreSQL tests)."""

import threading

from django.db import connection


def race(*steps, timeout=10):
    """Start every step at once (a barrier) in a thread of its own; return what each step returned.

    Each thread closes its connection when done, so the test database can be flushed afterwards.
    """
    barrier = threading.Barrier(len(steps))
    results = [None] * len(steps)
    errors = []

    def run(index, step):
        try:
            barrier.wait(timeout=timeout)
            results[index] = step()
        except Exception as error:  # surfaced in the test below, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, step)) for index, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    if errors:
        raise errors[0]
    return results
