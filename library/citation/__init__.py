"""Research-grade citation of library items.

Small services with small APIs, called by views, templates, signals and the
search API; none of them imports a view:

- ``identifiers``: permanent identifiers (PIDs), versions, public state;
- ``csl``: the CSL-JSON item of a page and its rendering by citeproc-py;
- ``exports``: BibTeX, RIS, CSL-JSON and plain-text reference lists
  (``export_items(pages, fmt)``);
- ``metadata``: Highwire Press, Dublin Core, schema.org, OpenGraph tags;
- ``context``: what an item page shows (cite panel, versions, head tags);
- ``oai``: the OAI-PMH 2.0 repository;
- ``usage``: views and downloads per item, for editors.
"""
