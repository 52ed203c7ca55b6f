"""Actor readers: the pieces of the entity component, one job each.

- `document`: the document's entity table and memory (mentions so far, aliases, main states);
- `context`: one sentence being read (tokens, output of mentions, name lookups);
- `names`: gazetteer names and the shape of unknown personal names;
- `institutions`: state institutions named by a head phrase and a nationality;
- `titles`: titles, what they are of, and the person or office they name.
"""
