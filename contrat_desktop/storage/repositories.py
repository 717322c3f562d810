"""All repositories of one open dossier, built on demand."""

from __future__ import annotations

from functools import cached_property

from contrat_desktop.storage.actions import ActionRepository
from contrat_desktop.storage.attachments import AttachmentRepository
from contrat_desktop.storage.bilans import ReportRepository
from contrat_desktop.storage.bodies import BodyRepository
from contrat_desktop.storage.contracts import (
    CampaignRepository,
    CommuneRepository,
    ContractRepository,
    DistrictRepository,
)
from contrat_desktop.storage.council import (
    CandidateListRepository,
    CouncilRepository,
    DrawRepository,
    MemberRepository,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.decisions import ExaminedActionRepository
from contrat_desktop.storage.framework import FrameworkRepository
from contrat_desktop.storage.funders import EnvelopeRepository, FunderRepository
from contrat_desktop.storage.funding import FundingLineRepository, PaymentRepository
from contrat_desktop.storage.holders import HolderRepository
from contrat_desktop.storage.meetings import (
    AgendaItemRepository,
    AttendanceRepository,
    FollowUpRepository,
    MeetingRepository,
)
from contrat_desktop.storage.minutes_documents import MinutesDocumentRepository
from contrat_desktop.storage.persons import BodyMemberRepository, PersonRepository
from contrat_desktop.storage.request_file import PieceKindRepository, RequestPieceRepository
from contrat_desktop.storage.settings import SettingsRepository


class Repositories:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier

    @cached_property
    def contracts(self) -> ContractRepository:
        return ContractRepository(self.dossier)

    @cached_property
    def communes(self) -> CommuneRepository:
        return CommuneRepository(self.dossier)

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
    def piece_kinds(self) -> PieceKindRepository:
        return PieceKindRepository(self.dossier)

    @cached_property
    def request_pieces(self) -> RequestPieceRepository:
        return RequestPieceRepository(self.dossier)

    @cached_property
    def bodies(self) -> BodyRepository:
        return BodyRepository(self.dossier)

    @cached_property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self.dossier)

    @cached_property
    def persons(self) -> PersonRepository:
        return PersonRepository(self.dossier)

    @cached_property
    def body_members(self) -> BodyMemberRepository:
        return BodyMemberRepository(self.dossier)

    @cached_property
    def meetings(self) -> MeetingRepository:
        return MeetingRepository(self.dossier)

    @cached_property
    def agenda_items(self) -> AgendaItemRepository:
        return AgendaItemRepository(self.dossier)

    @cached_property
    def attendance(self) -> AttendanceRepository:
        return AttendanceRepository(self.dossier)

    @cached_property
    def examined_actions(self) -> ExaminedActionRepository:
        return ExaminedActionRepository(self.dossier)

    @cached_property
    def follow_ups(self) -> FollowUpRepository:
        return FollowUpRepository(self.dossier)

    @cached_property
    def minutes_documents(self) -> MinutesDocumentRepository:
        return MinutesDocumentRepository(self.dossier)

    @cached_property
    def councils(self) -> CouncilRepository:
        return CouncilRepository(self.dossier)

    @cached_property
    def council_members(self) -> MemberRepository:
        return MemberRepository(self.dossier)

    @cached_property
    def candidate_lists(self) -> CandidateListRepository:
        return CandidateListRepository(self.dossier)

    @cached_property
    def draws(self) -> DrawRepository:
        return DrawRepository(self.dossier)
