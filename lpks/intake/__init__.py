"""Dinas Sosial case handling (RULES §8): intake, the procedure's path and route, service time, products, complaints."""
