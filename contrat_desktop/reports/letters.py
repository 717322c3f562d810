"""Letters to holders as PDF bytes, in the minutes' look: the notification of the decision
and the reminder of a late bilan, one letter per holder, each starting on its own page.

Cells and short lines are plain strings, long texts wrapped paragraphs: a thousand letters
go in one PDF in seconds. The footer names the document, without a page count across the
batch (each letter is sent on its own).
"""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from contrat_desktop.domain.french_dates import long_date, short_date
from contrat_desktop.domain.letters import HolderLetter, LetterBatch, LetterKind
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.amounts import euros
from contrat_desktop.reports.header import document_header
from contrat_desktop.reports.styles import BOLD, build_pdf, frame_width, para, table_style

WRAP_AT = 48  # characters: a longer action title is a wrapped paragraph
CLOSING = "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
LAW = (
    "L'article 10 de la loi n° 2000-321 du 12 avril 2000 prévoit que tout organisme qui a "
    "reçu une subvention produise, dans les six mois suivant la fin de l'exercice pour lequel "
    "elle a été attribuée, un compte rendu financier (formulaire Cerfa n° 15059) attestant de "
    "la conformité des dépenses à l'objet de la subvention."
)


def letters_pdf(batch: LetterBatch, settings: DocumentSettings, created: datetime) -> bytes:
    story: list[Flowable] = []
    for number, letter in enumerate(batch.letters):
        if number:
            story.append(PageBreak())
        story += letter_story(letter, batch, settings)
    what = batch.kind.label + (f" – programmation {batch.year}" if batch.year else "")
    return build_pdf(
        story or [para("Aucune lettre.")],
        title=what,
        author=settings.organisation_name or "contrat_desktop",
        footer=f"{settings.organisation_name} – {what}".lstrip(" –"),
        created=created,
        numbered=False,
    )


def letter_story(
    letter: HolderLetter, batch: LetterBatch, settings: DocumentSettings
) -> list[Flowable]:
    width = frame_width()
    recipient = Table(
        [["", para("\n".join(letter.recipient.lines()))]], colWidths=[width * 0.5, width * 0.5]
    )
    where = f"{batch.place}, le " if batch.place else "Le "
    story: list[Flowable] = [
        *document_header(settings, letter.kind.label),
        recipient,
        Spacer(1, 10),
        para(f"{where}{long_date(batch.written_on).split(' ', 1)[1]}"),
        Spacer(1, 6),
    ]
    if letter.kind is LetterKind.NOTIFICATION:
        story += _notification(letter)
    else:
        story += _reminder(letter)
    story += [para(CLOSING), Spacer(1, 14), *_signature(settings)]
    return story


def _object(text: str) -> Flowable:
    return para(f"Objet : {text}", "h3")


def _notification(letter: HolderLetter) -> list[Flowable]:
    count = len(letter.actions)
    story: list[Flowable] = [
        _object(f"notification de subvention – contrat de ville, programmation {letter.year}"),
        para("Madame, Monsieur,"),
        para(
            "J'ai le plaisir de vous informer que, au titre de la programmation "
            f"{letter.year} du contrat de ville, "
            + (
                "l'action suivante portée par votre structure a été retenue et financée "
                "comme suit :"
                if count == 1
                else f"les {count} actions suivantes portées par votre structure ont été "
                "retenues et financées comme suit :"
            )
        ),
        _grants_table(letter),
        Spacer(1, 6),
    ]
    for action in letter.actions:
        if action.conditions:
            story.append(para(f"Conditions – {action.reference} : {action.conditions}"))
    if letter.agreement_needed:
        story.append(
            para(
                "Une convention précisant nos engagements réciproques vous sera adressée pour "
                "signature ; le versement interviendra après sa signature, selon l'échéancier "
                "qu'elle fixe."
            )
        )
    else:
        story.append(
            para(
                "Un arrêté attributif vous sera notifié ; le versement interviendra selon les "
                "modalités propres à chaque financeur."
            )
        )
    story += [
        para(
            "Le compte rendu financier de l'action (formulaire Cerfa n° 15059) et son bilan "
            "qualitatif et quantitatif (bénéficiaires, dont femmes et hommes, tranches d'âge, "
            f"part résidant en quartier prioritaire) devront nous parvenir au plus tard le "
            f"{short_date(letter.bilan_due)}. Aucune nouvelle demande ne pourra être instruite "
            "en leur absence."
        ),
        para(
            "Nous vous remercions de mentionner le soutien des financeurs du contrat de ville "
            "dans vos supports de communication."
        ),
    ]
    return story


def _reminder(letter: HolderLetter) -> list[Flowable]:
    several = len(letter.actions) > 1
    return [
        _object(
            "relance – bilan"
            + ("s" if several else "")
            + " d'action"
            + ("s" if several else "")
            + " du contrat de ville non reçu"
            + ("s" if several else "")
        ),
        para("Madame, Monsieur,"),
        para(
            "Sauf erreur de notre part, nous n'avons pas reçu le bilan "
            + ("des actions suivantes, financées" if several else "de l'action suivante, financée")
            + " au titre du contrat de ville :"
        ),
        _late_table(letter),
        Spacer(1, 6),
        para(LAW),
        para(
            "Nous vous remercions de nous faire parvenir ce compte rendu dans les meilleurs "
            "délais, accompagné du bilan qualitatif et quantitatif de l'action. Nous vous "
            "rappelons qu'aucune nouvelle demande de subvention ne pourra être instruite tant "
            "qu'il ne nous sera pas parvenu."
        ),
        para("Si vous l'avez déjà adressé, merci de ne pas tenir compte de ce courrier."),
    ]


def _label(reference: str, title: str) -> object:
    text = f"{reference} – {title}"
    return para(text, "cell") if len(text) > WRAP_AT else text


def _grants_table(letter: HolderLetter) -> Table:
    width = frame_width()
    rows: list[list[object]] = [["Action", "Financeur", "Montant accordé"]]
    for action in letter.actions:
        for index, grant in enumerate(action.grants):
            label = _label(action.reference, action.title) if index == 0 else ""
            funder = (
                para(grant.funder, "cell") if len(grant.funder) > WRAP_AT - 12 else grant.funder
            )
            rows.append([label, funder, euros(grant.amount_cents)])
    rows.append(["Total", "", euros(letter.granted_cents)])
    table = Table(rows, colWidths=[width * 0.45, width * 0.37, width * 0.18], repeatRows=1)
    table.setStyle(
        table_style(
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        )
    )
    return table


def _late_table(letter: HolderLetter) -> Table:
    width = frame_width()
    rows: list[list[object]] = [["Action", "Année", "Montant accordé", "Bilan attendu le"]]
    for action in letter.actions:
        rows.append(
            [
                _label(action.reference, action.title),
                str(action.year),
                euros(action.granted_cents),
                short_date(action.bilan_due),
            ]
        )
    table = Table(
        rows, colWidths=[width * 0.5, width * 0.12, width * 0.2, width * 0.18], repeatRows=1
    )
    table.setStyle(
        table_style(("FONTNAME", (0, 0), (-1, 0), BOLD), ("ALIGN", (2, 0), (2, -1), "RIGHT"))
    )
    return table


def _signature(settings: DocumentSettings) -> list[Flowable]:
    if settings.signatories:
        first = settings.signatories[0]
        return (
            [para(first.role, "small"), para(first.name, "h3")]
            if first.role
            else [para(first.name, "h3")]
        )
    return [para(settings.organisation_name or "Le service politique de la ville", "h3")]
