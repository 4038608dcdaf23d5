"""Monitoring: the yearly reporting cycle on the actions of plans.

A coordinator opens a reporting round over some plans (every action gets an empty
update); reporters fill in the updates of their actors' actions, on the web or in an
Excel sheet, and submit them; the coordinator sends them back or approves them, and
publishes what is approved. Every change is recorded in the update's history.

- `models/`: rounds, updates, indicator values, history, roles.
- `permissions.py`: who may do what; `operations/`: every change, one per module.
- `followup.py`, `reminders.py`, `xlsx.py`, `attainment.py`: the questions, mails,
  sheets and sums built on top.
"""
