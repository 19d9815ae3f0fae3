"""Writes of the case area: each function takes the session, the user and a plain dict, validates it through
lpks.cases.schemas, checks the policy and the stage (lpks.rules), flushes, never commits."""
