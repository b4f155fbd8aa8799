"""RQ jobs: queue names and policies, the worker entry point, and the job functions (they take ids)."""
