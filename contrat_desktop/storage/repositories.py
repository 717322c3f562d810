"""All repositories of one open dossier, built on demand."""

from __future__ import annotations

from functools import cached_property

from contrat_desktop.storage.actions import ActionRepository
from contrat_desktop.storage.attachments import AttachmentRepository
from contrat_desktop.storage.bodies import BodyRepository
from contrat_desktop.storage.contracts import (
    CampaignRepository,
    ContractRepository,
    DistrictRepository,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.framework import FrameworkRepository
from contrat_desktop.storage.funders import EnvelopeRepository, FunderRepository
from contrat_desktop.storage.funding import FundingLineRepository, PaymentRepository
from contrat_desktop.storage.holders import HolderRepository
from contrat_desktop.storage.reports import ReportRepository
from contrat_desktop.storage.settings import SettingsRepository


class Repositories:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier

    @cached_property
    def contracts(self) -> ContractRepository:
        return ContractRepository(self.dossier)

    @cached_property
    def districts(self) -> DistrictRepository:
        return DistrictRepository(self.dossier)

    @cached_property
    def campaigns(self) -> CampaignRepository:
        return CampaignRepository(self.dossier)

    @cached_property
    def framework(self) -> FrameworkRepository:
        return FrameworkRepository(self.dossier)

    @cached_property
    def holders(self) -> HolderRepository:
        return HolderRepository(self.dossier)

    @cached_property
    def funders(self) -> FunderRepository:
        return FunderRepository(self.dossier)

    @cached_property
    def envelopes(self) -> EnvelopeRepository:
        return EnvelopeRepository(self.dossier)

    @cached_property
    def actions(self) -> ActionRepository:
        return ActionRepository(self.dossier)

    @cached_property
    def funding_lines(self) -> FundingLineRepository:
        return FundingLineRepository(self.dossier)

    @cached_property
    def payments(self) -> PaymentRepository:
        return PaymentRepository(self.dossier)

    @cached_property
    def reports(self) -> ReportRepository:
        return ReportRepository(self.dossier)

    @cached_property
    def attachments(self) -> AttachmentRepository:
        return AttachmentRepository(self.dossier)

    @cached_property
    def bodies(self) -> BodyRepository:
        return BodyRepository(self.dossier)

    @cached_property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self.dossier)
