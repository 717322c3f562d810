"""The directory's record editors: holders and funders."""
