"""Cross-document entity resolution for minted actors (names after titles, unknown bodies).

Minted actors get their key from their spelling, so "خالد الموسوي" and "خالد الموسوى" are two
actors, one per article. Here actors of one type whose names have the same key (`kg.corpus.names`)
and whose country, parent body and role do not contradict each other become one; a surname alone
("العقيد الموسوي") joins the one full name of the corpus it can belong to, and nothing if it could
belong to two. Gazetteer actors never enter a cluster, so two of them are never merged.

Everything is computed from sorted keys, so the result does not depend on document order: the
canonical key of a cluster is its fullest name (most words), then its most mentioned key, then the
smallest key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg.data import read_tsv

from kg.corpus.names import name_key, rule_between
from kg.corpus.summary import EntityInfo, MentionRef

ANCESTOR_DEPTH = 6
SURNAME_RULE = "surname"
HOLDER_RULE = "role-holder"


@dataclass(frozen=True)
class Merge:
    """One minted actor folded into another, with the rule and the mentions that show why."""

    member: str
    canonical: str
    rule: str
    member_name: str
    canonical_name: str
    evidence: tuple[MentionRef, ...]


@dataclass
class Actors:
    """The corpus's actors and places with their links, and the merges that map keys to canonical keys."""

    infos: dict[str, EntityInfo]
    canonical: dict[str, str] = field(default_factory=dict)  # merged member key -> canonical key
    merges: list[Merge] = field(default_factory=list)
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict)

    def canon(self, key: str) -> str:
        return self.canonical.get(key, key)

    def ancestors(self, key: str) -> frozenset[str]:
        """The key, the body it is part of, its country, the state it is capital of, and theirs."""
        key = self.canon(key)
        found = self._ancestors.get(key)
        if found is None:
            seen, frontier = {key}, [key]
            for _ in range(ANCESTOR_DEPTH):
                nxt = []
                for k in frontier:
                    info = self.infos.get(k)
                    if info is None:
                        continue
                    for ref in (info.part_of, info.country, info.capital_of):
                        ref = self.canon(ref) if ref else ""
                        if ref and ref not in seen:
                            seen.add(ref)
                            nxt.append(ref)
                frontier = nxt
            found = self._ancestors[key] = frozenset(seen)
        return found

    def related(self, a: str, b: str) -> bool:
        """Same actor, or one is part of / in the country of the other (an army and its state)."""
        a, b = self.canon(a), self.canon(b)
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def type_of(self, key: str) -> str:
        info = self.infos.get(self.canon(key))
        return info.type if info else ""


def compatible(a: EntityInfo, b: EntityInfo, actors: Actors) -> bool:
    """Two minted actors may be one: same type, and no different country, parent body or role."""
    if a.type != b.type:
        return False
    if a.country and b.country and actors.canon(a.country) != actors.canon(b.country):
        return False
    if a.part_of and b.part_of and not actors.related(a.part_of, b.part_of):
        return False
    generic = rank_roles()
    return not (a.role and b.role and a.role != b.role and a.role not in generic and b.role not in generic)


@lru_cache(maxsize=1)
def rank_roles() -> frozenset[str]:
    """Roles a military rank gives (kg/data/titles.tsv, kind "rank"): a colonel may also be the
    army's spokesman, so a rank never contradicts another role."""
    return frozenset(row["role"] for row in read_tsv("titles.tsv") if row.get("kind") == "rank")


def resolve(infos: dict[str, EntityInfo], counts: dict[str, int],
            mentions: dict[str, list[MentionRef]]) -> Actors:
    """Cluster the minted actors of a corpus; gazetteer actors are never touched."""
    actors = Actors(infos)
    minted = sorted(k for k, e in infos.items() if e.minted and e.name_ar and not e.anonymous)
    keys = {k: name_key(infos[k].name_ar) for k in minted}
    clusters = same_name_clusters(minted, keys, infos, actors)
    clusters = attach_surnames(clusters, keys, infos, actors)
    clusters = attach_holders(clusters, infos, actors)
    for members in clusters:
        if len(members) < 2:
            continue
        head = min(members, key=lambda k: (infos[k].holder, -len(keys[k]), -counts.get(k, 0), k))
        for member in sorted(members):
            if member == head:
                continue
            actors.canonical[member] = head
            a, b = infos[member].name_ar, infos[head].name_ar
            rule = HOLDER_RULE if infos[member].holder else (rule_between(a, b) or SURNAME_RULE)
            evidence = tuple(mentions.get(member, [])[:3]) + tuple(mentions.get(head, [])[:3])
            actors.merges.append(Merge(member, head, rule, a, b, evidence))
    actors._ancestors.clear()
    return actors


def attach_holders(clusters: list[list[str]], infos: dict[str, EntityInfo], actors: Actors) -> list[list[str]]:
    """An office's unnamed holder ("المتحدث باسم الجيش السوداني") joins the one named person of
    the corpus with that role in that body; with two such people it stays apart."""
    named = [list(c) for c in clusters if not any(infos[k].holder for k in c)]
    holders = [c for c in clusters if any(infos[k].holder for k in c)]  # before any named cluster grows
    out = list(named)
    for cluster in holders:
        holder = infos[cluster[0]]
        fits = [c for c in named if holder.role and holder.part_of and all(
            infos[k].role == holder.role and infos[k].part_of and actors.related(infos[k].part_of, holder.part_of)
            and compatible(holder, infos[k], actors) for k in c)]
        if len(fits) == 1:
            fits[0].extend(cluster)
        else:
            out.append(cluster)
    return [sorted(c) for c in sorted(out, key=min)]


def same_name_clusters(minted: list[str], keys: dict[str, tuple[str, ...]], infos: dict[str, EntityInfo],
                       actors: Actors) -> list[list[str]]:
    """Actors with one name key, split where country, body or role disagree (complete link)."""
    groups: dict[tuple, list[str]] = {}
    for key in minted:
        groups.setdefault((infos[key].type, keys[key]), []).append(key)
    clusters: list[list[str]] = []
    for group_key in sorted(groups):
        local: list[list[str]] = []
        for key in groups[group_key]:
            home = next((c for c in local if all(compatible(infos[key], infos[m], actors) for m in c)), None)
            if home is None:
                local.append([key])
            else:
                home.append(key)
        clusters.extend(local)
    return clusters


def attach_surnames(clusters: list[list[str]], keys: dict[str, tuple[str, ...]],
                    infos: dict[str, EntityInfo], actors: Actors) -> list[list[str]]:
    """A cluster whose name is the end of exactly one longer, compatible cluster's name joins it.
    Longer names are settled first, so "نبيل عبدالله" joins "محمد نبيل عبدالله" before
    "عبدالله" looks for its full name."""
    order = sorted(range(len(clusters)), key=lambda i: (-len(keys[clusters[i][0]]), keys[clusters[i][0]]))
    parent = list(range(len(clusters)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for position, i in enumerate(order):
        if any(infos[k].holder for k in clusters[i]):
            continue
        short = keys[clusters[i][0]]
        fulls = set()
        for j in order[:position]:
            full = keys[clusters[j][0]]
            if any(infos[k].holder for k in clusters[j]):
                continue
            if len(full) > len(short) and full[-len(short):] == short and all(
                    compatible(infos[a], infos[b], actors) for a in clusters[i] for b in clusters[j]):
                fulls.add(root(j))
        if len(fulls) == 1:
            parent[i] = fulls.pop()
    merged: dict[int, list[str]] = {}
    for i, members in enumerate(clusters):
        merged.setdefault(root(i), []).extend(members)
    return [sorted(m) for _, m in sorted(merged.items(), key=lambda item: min(item[1]))]
