"""The fields of the action editor, grouped in tabs, and their round trip with ``Action``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.actions import AGE_BANDS, Action, Beneficiaries
from contrat_desktop.domain.framework import NodeKind
from contrat_desktop.operations.programmation import References
from contrat_desktop.ui.widgets.date_edit import DateEdit
from contrat_desktop.ui.widgets.framework_combo import FrameworkCombo
from contrat_desktop.ui.widgets.money_edit import MoneyEdit
from contrat_desktop.ui.widgets.search_combo import search_anywhere

NO_VALUE = -1  # spin boxes show "—" at their minimum


class ActionForm(QWidget):
    """Owns the editing widgets; tabs are built from its pages."""

    changed = Signal()

    def __init__(self, references: References, parent: QWidget) -> None:
        super().__init__(parent)
        self.references = references
        # identification
        self.reference = self._line("Référence (ex. 2026-CS-014)")
        self.dauphin = self._line("N° de dossier Dauphin (8 chiffres)")
        self.title = self._line("Intitulé de l'action")
        self.holder = QComboBox(parent)
        self.holder.setAccessibleName("Porteur")
        for holder_id, name in references.holders.items():
            self.holder.addItem(name, holder_id)
        search_anywhere(self.holder)  # « mediation » finds « Association de médiation… »
        self.holder.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.framework = FrameworkCombo("(non classée)", parent)
        self.framework.setAccessibleName("Pilier, thématique ou objectif")
        self.framework.set_tree(references.tree, lambda root: root.kind is not NodeKind.AXIS)
        self.framework.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.multi_year = QCheckBox("Action pluriannuelle", parent)
        self.multi_year.toggled.connect(lambda _c: self.changed.emit())
        self.renewal = QLabel(parent)
        self.districts = self._checklist("Quartiers ciblés", references.districts.items())
        axes = sorted(references.tree.of_kind(NodeKind.AXIS), key=lambda n: n.position)
        self.axes = self._checklist("Axes transversaux", [(a.id, a.label) for a in axes])
        # contents
        self.description = self._text("Description de l'action")
        self.objectives = self._text("Objectifs")
        self.place = self._line("Lieu de réalisation")
        self.start = DateEdit(parent)
        self.start.setAccessibleName("Date de début")
        self.end = DateEdit(parent)
        self.end.setAccessibleName("Date de fin")
        for date_edit in (self.start, self.end):
            date_edit.dateChanged.connect(lambda _d: self.changed.emit())
        # public
        self.target_public = self._text("Public visé")
        self.beneficiaries = {
            name: self._spin(label)
            for name, label in [("total", "Total"), ("women", "Femmes"), ("men", "Hommes")]
            + [(name, label) for name, label in AGE_BANDS]
        }
        self.qpv_share = self._spin("Part résidant en QPV", maximum=100, suffix=" %")
        # budget
        self.total_cost = MoneyEdit(parent)
        self.total_cost.setAccessibleName("Coût total de l'action (charges)")
        self.own_funds = MoneyEdit(parent)
        self.own_funds.setAccessibleName("Fonds propres")
        self.other_income = MoneyEdit(parent)
        self.other_income.setAccessibleName("Autres produits")
        for money in (self.total_cost, self.own_funds, self.other_income):
            money.value_changed.connect(self.changed)

    # builders -----------------------------------------------------------------
    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self.parentWidget())
        edit.setAccessibleName(name)
        edit.textChanged.connect(lambda _t: self.changed.emit())
        return edit

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self.parentWidget())
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self.changed)
        return edit

    def _spin(self, name: str, maximum: int = 1_000_000, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self.parentWidget())
        spin.setRange(NO_VALUE, maximum)
        spin.setSpecialValueText("—")
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.valueChanged.connect(lambda _v: self.changed.emit())
        return spin

    def _checklist(self, name: str, entries: object) -> QListWidget:
        widget = QListWidget(self.parentWidget())
        widget.setAccessibleName(name)
        for key, label in entries:  # type: ignore[attr-defined]
            item = QListWidgetItem(label, widget)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        widget.itemChanged.connect(lambda _item: self.changed.emit())
        widget.setMaximumHeight(110)
        return widget

    # pages --------------------------------------------------------------------
    def identification_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.addRow("&Référence :", self.reference)
        form.addRow("N° &Dauphin :", self.dauphin)
        form.addRow("&Intitulé :", self.title)
        form.addRow("&Porteur :", self.holder)
        form.addRow("&Cadre stratégique :", self.framework)
        form.addRow("", self.multi_year)
        form.addRow("Reconduction :", self.renewal)
        form.addRow("&Quartiers :", self.districts)
        form.addRow("A&xes transversaux :", self.axes)
        return _top_aligned(page, form)

    def content_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.addRow("&Description :", self.description)
        form.addRow("&Objectifs :", self.objectives)
        form.addRow("&Lieu :", self.place)
        form.addRow("Date de &début :", self.start)
        form.addRow("Date de &fin :", self.end)
        return _top_aligned(page, form)

    def public_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.addRow("&Public visé :", self.target_public)
        labels = {"total": "&Total attendu", "women": "dont &femmes", "men": "dont &hommes"}
        labels.update({name: f"{label}" for name, label in AGE_BANDS})
        for name, spin in self.beneficiaries.items():
            form.addRow(f"{labels[name]} :", spin)
        form.addRow("Part résidant en &QPV :", self.qpv_share)
        return _top_aligned(page, form)

    # round trip ---------------------------------------------------------------------
    def load(self, action: Action, renewal_label: str) -> None:
        widgets = [self, *self.findChildren(QWidget)]
        for widget in widgets:
            widget.blockSignals(True)
        self.reference.setText(action.reference)
        self.dauphin.setText(action.dauphin_number)
        self.title.setText(action.title)
        self.holder.setCurrentIndex(self.holder.findData(action.holder_id))
        self.framework.setCurrentIndex(max(self.framework.findData(action.framework_node_id), 0))
        self.multi_year.setChecked(action.multi_year)
        self.renewal.setText(renewal_label)
        self._check(self.districts, action.district_ids)
        self._check(self.axes, action.axis_ids)
        self.description.setPlainText(action.description)
        self.objectives.setPlainText(action.objectives)
        self.place.setText(action.place)
        self.start.set_value(action.start_date)
        self.end.set_value(action.end_date)
        self.target_public.setPlainText(action.target_public)
        for name, spin in self.beneficiaries.items():
            value = getattr(action.beneficiaries, name)
            spin.setValue(NO_VALUE if value is None else value)
        share = action.beneficiaries.qpv_share_percent
        self.qpv_share.setValue(NO_VALUE if share is None else share)
        self.total_cost.set_cents(action.total_cost_cents)
        self.own_funds.set_cents(action.own_funds_cents)
        self.other_income.set_cents(action.other_income_cents)
        for widget in widgets:
            widget.blockSignals(False)

    def to_action(self, base: Action) -> Action:
        def spin(widget: QSpinBox) -> int | None:
            return None if widget.value() == NO_VALUE else widget.value()

        beneficiaries = Beneficiaries(
            **{name: spin(widget) for name, widget in self.beneficiaries.items()},
            qpv_share_percent=spin(self.qpv_share),
        )
        holder_id = self.holder.currentData()
        return replace(
            base,
            reference=self.reference.text().strip(),
            dauphin_number=self.dauphin.text().strip(),
            title=self.title.text().strip(),
            holder_id=holder_id if holder_id is not None else base.holder_id,
            framework_node_id=self.framework.currentData(),
            multi_year=self.multi_year.isChecked(),
            district_ids=self._checked(self.districts),
            axis_ids=self._checked(self.axes),
            description=self.description.toPlainText().strip(),
            objectives=self.objectives.toPlainText().strip(),
            place=self.place.text().strip(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            target_public=self.target_public.toPlainText().strip(),
            beneficiaries=beneficiaries,
            total_cost_cents=self.total_cost.cents() or 0,
            own_funds_cents=self.own_funds.cents() or 0,
            other_income_cents=self.other_income.cents() or 0,
        )

    def _money_fields(self) -> list[tuple[str, MoneyEdit]]:
        return [
            ("Coût total", self.total_cost),
            ("Fonds propres", self.own_funds),
            ("Autres produits", self.other_income),
        ]

    def money_errors(self) -> list[str]:
        return [f"{name} : {edit.error}" for name, edit in self._money_fields() if edit.error]

    def unreadable_money(self) -> list[str]:
        """The budget fields whose amount cannot be read (counted as 0 until corrected)."""
        return [f"« {name} »" for name, edit in self._money_fields() if edit.error]

    @staticmethod
    def _check(widget: QListWidget, ids: tuple[int, ...]) -> None:
        for row in range(widget.count()):
            item = widget.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[int, ...]:
        return tuple(
            sorted(
                widget.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(widget.count())
                if widget.item(row).checkState() == Qt.CheckState.Checked
            )
        )


def _top_aligned(page: QWidget, form: QFormLayout) -> QWidget:
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addStretch(1)
    return page
