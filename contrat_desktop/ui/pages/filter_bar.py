"""The filter bar of the programmation page: framework, status, funder, commune (when the
contract has several), district, holder kind, cross-cutting axis, request file complete or not,
and the search box. Emits the chosen ``ProgrammationFilter`` parts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from contrat_desktop.domain.framework import NodeKind
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.programmation import ProgrammationFilter
from contrat_desktop.domain.workflow import STATUS_ORDER, ActionStatus
from contrat_desktop.operations.programmation import References
from contrat_desktop.ui.widgets.framework_combo import FrameworkCombo

ALL = "Tous"


class FilterBar(QWidget):
    filters_changed = Signal()
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Rechercher une référence, un intitulé, un porteur…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Recherche dans la programmation")
        self.search.textChanged.connect(self.search_changed)
        self.framework = FrameworkCombo(ALL, self)
        self._combo("Pilier ou thématique", self.framework)
        self.status = self._combo("Statut")
        self.funder = self._combo("Financeur")
        self.commune = self._combo("Commune")
        self.district = self._combo("Quartier")
        self.holder_kind = self._combo("Type de porteur")
        self.axis = self._combo("Axe transversal")
        self.renewal = self._combo("Première demande ou reconduction")
        self._fill(self.renewal, [("Premières demandes", False), ("Reconduites", True)])
        self.request_file = self._combo("Dossier de demande")
        self.reset = QPushButton("Effacer les filtres", self)
        self.reset.clicked.connect(self.clear)
        layout.addWidget(self.search, 0, 0, 1, 6)
        layout.addWidget(self.reset, 0, 6, 1, 2)
        combos = [
            ("&Pilier / thématique", self.framework),
            ("S&tatut", self.status),
            ("&Financeur", self.funder),
            ("Co&mmune", self.commune),
            ("&Quartier", self.district),
            ("T&ype de porteur", self.holder_kind),
            ("A&xe", self.axis),
            ("&Demande", self.renewal),
            ("Doss&ier", self.request_file),
        ]
        self.labels: dict[QComboBox, QLabel] = {}
        for number, (text, combo) in enumerate(combos):
            label = QLabel(text, self)
            label.setBuddy(combo)
            self.labels[combo] = label
            layout.addWidget(label, 1 + number // 4, (number % 4) * 2)
            layout.addWidget(combo, 1 + number // 4, (number % 4) * 2 + 1)
        for column in (1, 3, 5, 7):
            layout.setColumnStretch(column, 1)
        self._tree_ids: dict[int, frozenset[int]] = {}
        self._commune_districts: dict[str, frozenset[int]] = {}

    def _combo(self, name: str, combo: QComboBox | None = None) -> QComboBox:
        combo = combo if combo is not None else QComboBox(self)
        combo.setAccessibleName(f"Filtre : {name}")
        # long district or theme names do not widen the window past a laptop's screen
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        return combo

    def set_references(self, references: References) -> None:
        tree = references.tree
        self._tree_ids = {
            node.id: frozenset([node.id, *(n.id for n in tree.descendants(node.id) if n.id)])
            for node in tree.all()
            if node.id is not None
        }
        self.framework.set_tree(tree, lambda root: root.kind is not NodeKind.AXIS and root.active)
        self._fill(self.status, [(s.label, s.value) for s in STATUS_ORDER])
        self._fill(self.funder, [(f.display_name, f.id) for f in references.funders])
        self._fill(self.commune, [(name, code) for code, name in references.communes.items()])
        self._commune_districts = {
            code: references.districts_of_commune(code) for code in references.communes
        }
        several = len(references.communes) > 1  # a one-commune contract needs no such filter
        self.commune.setVisible(several)
        self.labels[self.commune].setVisible(several)
        self._fill(self.district, [(name, i) for i, name in references.districts.items()])
        self._fill(self.holder_kind, [(k.label, k.value) for k in HolderKind])
        axes = tree.of_kind(NodeKind.AXIS)
        self._fill(self.axis, [(a.label, a.id) for a in sorted(axes, key=lambda n: n.position)])
        self._fill(self.request_file, [("Complet", True), ("Incomplet", False)])

    def _fill(self, combo: QComboBox, entries: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL, None)
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def criteria(self, matching_ids: frozenset[int] | None) -> ProgrammationFilter:
        node = self.framework.currentData()
        status = self.status.currentData()
        kind = self.holder_kind.currentData()
        return ProgrammationFilter(
            framework_node_ids=self._tree_ids.get(node) if node is not None else None,
            status=ActionStatus(status) if status else None,
            funder_id=self.funder.currentData(),
            district_id=self.district.currentData(),
            district_ids=self._commune_districts.get(self.commune.currentData()),
            holder_kind=HolderKind(kind) if kind else None,
            axis_id=self.axis.currentData(),
            complete=self.request_file.currentData(),
            matching_ids=matching_ids,
            renewal=self.renewal.currentData(),
        )

    def clear(self) -> None:
        for combo in (
            self.framework,
            self.status,
            self.funder,
            self.commune,
            self.district,
            self.holder_kind,
            self.axis,
            self.renewal,
            self.request_file,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.filters_changed.emit()

    def show_only(self, **wanted: object) -> None:
        """Clear the filters, then pick the given ones: ``status``, ``funder``,
        ``framework``, ``commune``, ``district``, ``holder_kind``, ``renewal``, ``complete``
        (the data of an entry)."""
        combos = {
            "framework": self.framework,
            "status": self.status,
            "funder": self.funder,
            "commune": self.commune,
            "district": self.district,
            "holder_kind": self.holder_kind,
            "renewal": self.renewal,
            "complete": self.request_file,
        }
        self.search.clear()  # the page forgets its search results
        for combo in (*combos.values(), self.axis):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for name, value in wanted.items():
            combo = combos[name]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.filters_changed.emit()
