"""The use cases every front end shares: each is one function over the core (`Core`) and `now`
that runs in one unit of work and returns data. Slack's listeners, the console and the jobs
call these and only render what they return; they reach quiz/, retrieval/ and store/ through
here (tests/test_layers.py lists what still does not).
"""
