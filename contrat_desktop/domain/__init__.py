"""The domain of the Contrat de ville: entities, rules, money. No I/O, no Qt, no SQL."""
