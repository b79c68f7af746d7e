"""What each AI deployment owes: the checklist rules, as data (DOMAIN.md, issue 10).

Every rule carries its source and our confidence in it, applies only when its condition
holds for the tool, and falls due at a moment of the tool's life (before any use, before
deployment, after it). Users edit, add or switch off rules per employer: a rule saved for
an employer replaces the default of the same key, a new key adds one. Nothing here is
code that a change in the law would need a new release for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from aiconsult_desktop.domain.ai_tools import AiActClass, ToolFacts, ToolKind
from aiconsult_desktop.domain.enums import BodyKind, LabelledEnum
from aiconsult_desktop.domain.text import clean_line
from aiconsult_desktop.errors import ValidationError


class Condition(LabelledEnum):
    """When a rule applies, read from the tool's facts; an unknown fact never dismisses it."""

    ALWAYS = ("always", "Toujours")
    CHANGES_ORGANISATION = (
        "changes_organisation",
        "L'outil modifie l'organisation ou le fonctionnement des services",
    )
    WORKING_CONDITIONS_F3SCT = (
        "working_conditions_f3sct",
        "Conditions de travail, santé ou sécurité touchées, et une F3SCT existe",
    )
    RISKS_IDENTIFIED = ("risks_identified", "Des risques pour les agents sont identifiés")
    HIGH_RISK = ("high_risk", "Classement haut risque (AI Act, annexe III)")
    TRANSPARENCY = ("transparency", "Agent conversationnel ou contenu généré par l'IA")
    PERSONAL_DATA = ("personal_data", "Données personnelles traitées")
    DECISIONS_ABOUT_PEOPLE = (
        "decisions_about_people",
        "Décisions concernant des agents ou des usagers",
    )

    def holds(self, facts: ToolFacts) -> bool:
        if self is Condition.CHANGES_ORGANISATION:
            return facts.changes_organisation is not False
        if self is Condition.WORKING_CONDITIONS_F3SCT:
            return facts.has_f3sct and facts.affects_working_conditions is not False
        if self is Condition.RISKS_IDENTIFIED:
            return facts.affects_working_conditions is not False
        if self is Condition.HIGH_RISK:
            return facts.ai_class is AiActClass.HIGH_RISK
        if self is Condition.TRANSPARENCY:
            return facts.kind is ToolKind.GENERATIVE or facts.ai_class is AiActClass.TRANSPARENCY
        if self is Condition.PERSONAL_DATA:
            return facts.personal_data is not False
        if self is Condition.DECISIONS_ABOUT_PEOPLE:
            return facts.decisions_about_people is not False
        return True

    @property
    def sentence_prefix(self) -> str:
        """What opens an alert on a rule of this condition: « Classement haut risque : »."""
        return _PREFIXES.get(self, "")


_PREFIXES = {
    Condition.HIGH_RISK: "Classement haut risque : ",
    Condition.TRANSPARENCY: "Contenu généré ou agent conversationnel : ",
    Condition.PERSONAL_DATA: "Données personnelles : ",
    Condition.DECISIONS_ABOUT_PEOPLE: "Décisions individuelles : ",
}


class Due(LabelledEnum):
    """The moment from which an item is owed."""

    BEFORE_USE = ("before_use", "Avant toute utilisation, expérimentation comprise")
    BEFORE_DEPLOYMENT = ("before_deployment", "Avant le déploiement")
    AFTER_DEPLOYMENT = ("after_deployment", "Après le déploiement")


class Confidence(LabelledEnum):
    """Ours, shown beside each rule: a union demand is not a legal duty."""

    HIGH = ("high", "Élevée")
    MEDIUM = ("medium", "Moyenne (article à confirmer)")
    LOW = ("low", "Faible")
    UNION_DEMAND = ("union_demand", "Revendication syndicale")


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    condition: Condition
    due: Due
    source: str
    confidence: Confidence
    citation: str = ""
    """Short reference in sentences: « AI Act, art. 26(7) »."""
    ground: str = ""
    """Label of the legal ground (library) cited as a footnote; "" for none."""
    feminine: bool = True
    """Agreement of the label in sentences: « information … due — non faite »."""
    opinion_of: BodyKind | None = None
    """A vote of this body on a linked « pour avis » item fulfils the rule by itself."""
    enabled: bool = True

    @property
    def binding(self) -> bool:
        """A legal duty: missing it is an infraction; a union demand is not."""
        return self.confidence is not Confidence.UNION_DEMAND


CST_INFORMATION = "cst_information"
CST_OPINION = "cst_opinion"

_F3SCT_PROPOSALS = (
    "Propositions de prévention de la F3SCT (intersyndicale, Région Occitanie) : "
    "« en amont » de tout nouvel outil numérique"
)
_AI_ACT = "Règlement (UE) 2024/1689 (AI Act)"

DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(CST_INFORMATION, "Information du CST", Condition.CHANGES_ORGANISATION, Due.BEFORE_USE,
         "Code général de la fonction publique, art. L253-5 ; décret n° 2021-571 du 10 mai "
         "2021 (compétences du CST : organisation et fonctionnement des services)",
         Confidence.HIGH, "CGFP, art. L253-5", "Compétences du CST"),
    Rule(CST_OPINION, "Avis du CST avant le déploiement", Condition.CHANGES_ORGANISATION,
         Due.BEFORE_DEPLOYMENT,
         "Code général de la fonction publique, art. L253-5 ; décret n° 2021-571 du 10 mai "
         "2021 (consultation du CST)", Confidence.HIGH, "CGFP, art. L253-5",
         "Compétences du CST", feminine=False, opinion_of=BodyKind.CST),
    Rule("f3sct_consulted", "Consultation de la F3SCT", Condition.WORKING_CONDITIONS_F3SCT,
         Due.BEFORE_DEPLOYMENT,
         "Décret n° 2021-571 du 10 mai 2021, section de la formation spécialisée "
         "(introduction de nouvelles technologies) ; article à confirmer",
         Confidence.MEDIUM, "décret n° 2021-571, F3SCT", opinion_of=BodyKind.F3SCT),
    Rule("impact_study", "Étude d'impact présentée avant le déploiement (charge de travail, "
         "charge mentale, RPS, emplois et compétences, doublons avec les outils existants)",
         Condition.ALWAYS, Due.BEFORE_DEPLOYMENT, _F3SCT_PROPOSALS, Confidence.UNION_DEMAND,
         "propositions de la F3SCT"),
    Rule("prevention_duerp", "Programme de prévention et mise à jour du DUERP",
         Condition.RISKS_IDENTIFIED, Due.BEFORE_DEPLOYMENT,
         f"{_F3SCT_PROPOSALS} ; obligation du document unique (Code du travail, art. R4121-1 "
         "et suivants, appliqués par le décret n° 85-603)", Confidence.MEDIUM,
         "Code du travail, art. R4121-1", feminine=False),
    Rule("framing_note", "Note de cadrage (responsabilités, calendrier du projet) transmise "
         "à la F3SCT", Condition.ALWAYS, Due.BEFORE_DEPLOYMENT, _F3SCT_PROPOSALS,
         Confidence.UNION_DEMAND, "propositions de la F3SCT"),
    Rule("user_panel_test", "Test partagé avec un panel représentatif d'utilisateurs avant "
         "le lancement", Condition.ALWAYS, Due.BEFORE_DEPLOYMENT, _F3SCT_PROPOSALS,
         Confidence.UNION_DEMAND, "propositions de la F3SCT", feminine=False),
    Rule("continuous_evaluation", "Évaluation continue de la satisfaction des utilisateurs et "
         "prise en compte de leurs propositions", Condition.ALWAYS, Due.AFTER_DEPLOYMENT,
         "Propositions de prévention de la F3SCT (intersyndicale, Région Occitanie) : "
         "« en continu »", Confidence.UNION_DEMAND, "propositions de la F3SCT"),
    Rule("six_dimensions", "Réponse sur les six dimensions d'évaluation (conformité juridique "
         "et cybersécurité, service public, conditions de travail, sobriété énergétique, "
         "transparence et redevabilité, bénéfice par rapport à une solution sans IA)",
         Condition.ALWAYS, Due.BEFORE_DEPLOYMENT,
         "Grille d'évaluation de la CGT, réunion d'information du 15 mai 2025",
         Confidence.UNION_DEMAND, "grille de la CGT"),
    Rule("ai_act_26_7", "Information préalable des représentants du personnel",
         Condition.HIGH_RISK, Due.BEFORE_USE,
         f"{_AI_ACT}, art. 26, § 7 : avant la mise en service ou l'utilisation d'un système "
         "à haut risque sur le lieu de travail, l'employeur informe les représentants du "
         "personnel et les agents concernés", Confidence.HIGH, "AI Act, art. 26(7)",
         "AI Act : information des représentants du personnel"),
    Rule("ai_act_27", "Analyse d'impact sur les droits fondamentaux", Condition.HIGH_RISK,
         Due.BEFORE_USE, f"{_AI_ACT}, art. 27 (organismes de droit public)", Confidence.HIGH,
         "AI Act, art. 27", "AI Act : analyse d'impact sur les droits fondamentaux"),
    Rule("ai_act_4", "Maîtrise de l'IA assurée pour les agents qui l'utilisent",
         Condition.ALWAYS, Due.BEFORE_USE, f"{_AI_ACT}, art. 4 (applicable depuis le "
         "2 février 2025)", Confidence.HIGH, "AI Act, art. 4", "AI Act : maîtrise de l'IA"),
    Rule("ai_act_5", "Absence de pratique interdite (reconnaissance des émotions au travail, "
         "notation sociale)", Condition.ALWAYS, Due.BEFORE_USE,
         f"{_AI_ACT}, art. 5, § 1, f) et c) (applicable depuis le 2 février 2025)",
         Confidence.HIGH, "AI Act, art. 5",
         "AI Act : interdiction de la reconnaissance des émotions au travail"),
    Rule("ai_act_50", "Information des personnes qu'elles échangent avec une IA ou que le "
         "contenu est généré par une IA", Condition.TRANSPARENCY, Due.BEFORE_USE,
         f"{_AI_ACT}, art. 50", Confidence.HIGH, "AI Act, art. 50",
         "AI Act : obligations de transparence"),
    Rule("gdpr_35", "Analyse d'impact relative à la protection des données (AIPD)",
         Condition.PERSONAL_DATA, Due.BEFORE_USE,
         "Règlement (UE) 2016/679 (RGPD), art. 35 : traitement susceptible d'engendrer un "
         "risque élevé", Confidence.HIGH, "RGPD, art. 35", "RGPD : analyse d'impact (AIPD)"),
    Rule("gdpr_22", "Encadrement des décisions automatisées (aucune décision fondée "
         "exclusivement sur un traitement automatisé sans garanties, mention de l'algorithme "
         "dans les décisions individuelles)", Condition.DECISIONS_ABOUT_PEOPLE,
         Due.BEFORE_USE, "RGPD, art. 22 ; Code des relations entre le public et "
         "l'administration, art. L311-3-1", Confidence.HIGH, "RGPD, art. 22 ; CRPA, L311-3-1",
         "RGPD : décisions individuelles automatisées", feminine=False),
    Rule("crpa_publication", "Publication des règles des principaux traitements "
         "algorithmiques (administration de 50 agents ou plus)",
         Condition.DECISIONS_ABOUT_PEOPLE, Due.BEFORE_DEPLOYMENT,
         "Code des relations entre le public et l'administration, art. L312-1-3",
         Confidence.HIGH, "CRPA, art. L312-1-3",
         "CRPA : publication des règles des traitements algorithmiques"),
)  # fmt: skip

DEFAULTS_BY_KEY = {rule.key: rule for rule in DEFAULT_RULES}


def effective_rules(overrides: list[Rule]) -> list[Rule]:
    """The defaults with one employer's own versions in their place, then its new rules.

    Switched-off rules stay in the list (`enabled=False`), so the rules editor can show
    them and switch them on again; the checklist skips them.
    """
    mine = {rule.key: rule for rule in overrides}
    rules = [mine.pop(rule.key, rule) for rule in DEFAULT_RULES]
    return rules + sorted(mine.values(), key=lambda r: r.key)


def check_rule(rule: Rule) -> Rule:
    """Refuse a rule edited to nonsense; return it with its text cleaned."""
    label = clean_line(rule.label)
    source = clean_line(rule.source)
    if not label:
        raise ValidationError(
            "Une règle sans intitulé ne dit pas ce qui est dû : donnez-lui un intitulé "
            "(ex. « Avis du CST avant le déploiement »).",
            field="label",
        )
    if len(label) > 500:
        raise ValidationError("L'intitulé de la règle dépasse 500 caractères.", field="label")
    if not source:
        raise ValidationError(
            f"La règle « {label} » n'a pas de source : indiquez le texte ou la revendication "
            "sur laquelle elle repose (article, décret, grille syndicale…).",
            field="source",
        )
    if len(source) > 2000:
        raise ValidationError("La source de la règle dépasse 2 000 caractères.", field="source")
    key = rule.key.strip()
    if not key or len(key) > 60:
        raise ValidationError("La règle n'a pas d'identifiant valable.", field="key")
    return replace(
        rule,
        key=key,
        label=label,
        source=source,
        condition=Condition(rule.condition),
        due=Due(rule.due),
        confidence=Confidence(rule.confidence),
        citation=clean_line(rule.citation)[:200],
        ground=clean_line(rule.ground)[:300],
        opinion_of=BodyKind(rule.opinion_of) if rule.opinion_of else None,
    )
