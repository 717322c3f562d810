"""Reference lists on the settings page: the strategic framework tree, the territory
(communes and districts), the kinds of bodies. Funders have their own area."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.bodies import BodyKind
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import FrameworkNode, NodeKind
from contrat_desktop.operations.settings import (
    body_kinds,
    new_framework_node,
    save_body_kind,
    write_framework_node,
)
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.pages.request_pieces_editor import PieceKindsEditor
from contrat_desktop.ui.pages.territory import TerritoryEditor
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand

INACTIVE = QBrush(QColor("#888888"))


def _buttons(parent: QWidget, *specs: tuple[str, Callable[[], None]]) -> QHBoxLayout:
    row = QHBoxLayout()
    for text, slot in specs:
        button = QPushButton(text, parent)
        button.clicked.connect(slot)
        button.setEnabled(not getattr(parent, "read_only", False))
        row.addWidget(button)
    row.addStretch(1)
    return row


class ReferenceLists(QTabWidget):
    show_area = Signal(str)

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framework = FrameworkEditor(session, self)
        self.territory = TerritoryEditor(session, self)
        self.kinds = BodyKindsEditor(session, self)
        funders = QWidget(self)
        go = QPushButton("Ouvrir la rubrique &Financeurs", funders)
        go.clicked.connect(lambda: self.show_area.emit("funders"))
        funders_layout = QVBoxLayout(funders)
        funders_layout.addWidget(
            QLabel("Les financeurs et leurs enveloppes annuelles se gèrent dans leur rubrique.")
        )
        funders_layout.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)
        funders_layout.addStretch(1)
        self.addTab(self.framework, "Cadre stratégique")
        self.addTab(self.territory, "Territoire (communes et quartiers)")
        self.addTab(funders, "Financeurs")
        self.addTab(self.kinds, "Types d'instances")
        self.pieces = PieceKindsEditor(session, self)
        self.addTab(self.pieces, "Pièces du dossier de demande")


class _Editor(QWidget):
    entity = ""

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.read_only = session.read_only
        session.changed.connect(lambda entity: entity == self.entity and self.reload())

    def save(self, text: str, write, before, after) -> bool:  # type: ignore[no-untyped-def]
        """An undoable, audited write (Ctrl+Z undoes it); the list reloads on ``changed``."""
        command = SaveRecordCommand(self.session, text, self.entity, write, before, after, self)
        self.session.push(command)
        return command.error is None

    def run(self, work: Callable[[], object], entity: str) -> bool:
        try:
            work()
        except (ValidationError, DossierError) as error:
            QMessageBox.warning(self, "Modification impossible", str(error))
            return False
        self.session.notify(entity)
        self.reload()
        return True

    def reload(self) -> None:
        raise NotImplementedError


class FrameworkEditor(_Editor):
    entity = "framework"

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Libellé", "Code", "Nature", "État"])
        self.tree.setAccessibleName("Cadre stratégique")
        self.tree.setColumnWidth(0, 420)
        widest = max(self.fontMetrics().horizontalAdvance(kind.label) for kind in NodeKind)
        self.tree.setColumnWidth(2, widest + 24)  # « Sous-thématique » whole
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(
            _buttons(
                self,
                ("&Ajouter sous l'élément choisi…", self.add_child),
                ("Ajouter un pilier ou une &thématique…", lambda: self.add_child(top=True)),
                ("&Renommer…", self.rename),
                ("Activer / &désactiver", self.toggle),
                ("&Supprimer", self.delete),
            )
        )
        self.reload()

    def reload(self) -> None:
        tree = self.session.references.tree
        chosen = self.selected()
        self.tree.clear()

        def add(node: FrameworkNode, parent: QTreeWidgetItem | None) -> None:
            state = "Actif" if node.active else "Désactivé"
            item = QTreeWidgetItem([node.label, node.code, node.kind.label, state])
            item.setData(0, Qt.ItemDataRole.UserRole, node.id)
            if not node.active:
                for column in range(4):
                    item.setForeground(column, INACTIVE)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            for child in tree.children(node.id or 0):
                add(child, item)

        for root in tree.roots():
            add(root, None)
        self.tree.expandAll()
        if chosen is not None:
            self.select(chosen.id or 0)

    def select(self, node_id: int) -> None:
        """Make the node with ``node_id`` the current item (kept across reloads)."""
        found = self.tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
        for item in found:
            if item.data(0, Qt.ItemDataRole.UserRole) == node_id:
                self.tree.setCurrentItem(item)
                return

    def selected(self) -> FrameworkNode | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        node_id = item.data(0, Qt.ItemDataRole.UserRole)
        tree = self.session.references.tree
        return tree.node(node_id) if node_id in {n.id for n in tree.all()} else None

    def add_child(self, top: bool = False) -> None:
        parent = None if top else self.selected()
        if not top and parent is None:
            QMessageBox.information(self, "Cadre stratégique", "Choisissez d'abord un élément.")
            return
        label, ok = QInputDialog.getText(self, "Nouvel élément", "Libellé :")
        if ok:
            node = new_framework_node(self.session.dossier, parent, label)
            self.save(f"Ajouter « {label} »", write_framework_node, None, node)

    def rename(self) -> None:
        node = self.selected()
        if node is None:
            return
        label, ok = QInputDialog.getText(self, "Renommer", "Nouveau libellé :", text=node.label)
        if ok:
            renamed = replace(node, label=label.strip())
            self.save(f"Renommer « {node.label} »", write_framework_node, node, renamed)

    def toggle(self) -> None:
        node = self.selected()
        if node is not None:
            toggled = replace(node, active=not node.active)
            self.save(f"Activer / désactiver « {node.label} »", write_framework_node, node, toggled)

    def delete(self) -> None:
        node = self.selected()
        if node is None:
            return
        answer = QMessageBox.question(self, "Supprimer", f"Supprimer « {node.label} » ?")
        if answer == QMessageBox.StandardButton.Yes:
            self.save(f"Supprimer « {node.label} »", write_framework_node, node, None)


class BodyKindsEditor(_Editor):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.table = read_only_table(
            ["Code", "Libellé", "Instance de pilotage"], "Types d'instances"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(
            _buttons(self, ("&Ajouter un type…", self.add), ("&Renommer…", self.rename))
        )
        self.kinds: list[BodyKind] = []
        self.reload()

    def reload(self) -> None:
        self.kinds = body_kinds(self.session.dossier)
        fill(
            self.table,
            [[k.code, k.label, "Oui" if k.steering else "Non"] for k in self.kinds],
        )

    def add(self) -> None:
        label, ok = QInputDialog.getText(self, "Nouveau type d'instance", "Libellé :")
        if ok and label.strip():
            code = "_".join(label.lower().split())[:40]
            kind = BodyKind(code=code, label=label.strip())
            self.run(lambda: save_body_kind(self.session.dossier, kind), "reference")

    def rename(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        kind = self.kinds[rows[0].row()]
        label, ok = QInputDialog.getText(self, "Renommer", "Libellé :", text=kind.label)
        if ok:
            renamed = BodyKind(kind.code, label.strip(), kind.steering, kind.id)
            self.run(lambda: save_body_kind(self.session.dossier, renamed), "reference")
