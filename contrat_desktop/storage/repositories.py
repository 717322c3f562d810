"""All repositories of one open dossier, each built on demand, its module imported when first
used (a start-up showing one page does not load the council's or the meetings' code)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from contrat_desktop.storage.database import Dossier

if TYPE_CHECKING:
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
        from contrat_desktop.storage.contracts import ContractRepository

        return ContractRepository(self.dossier)

    @cached_property
    def communes(self) -> CommuneRepository:
        from contrat_desktop.storage.contracts import CommuneRepository

        return CommuneRepository(self.dossier)

    @cached_property
    def districts(self) -> DistrictRepository:
        from contrat_desktop.storage.contracts import DistrictRepository

        return DistrictRepository(self.dossier)

    @cached_property
    def campaigns(self) -> CampaignRepository:
        from contrat_desktop.storage.contracts import CampaignRepository

        return CampaignRepository(self.dossier)

    @cached_property
    def framework(self) -> FrameworkRepository:
        from contrat_desktop.storage.framework import FrameworkRepository

        return FrameworkRepository(self.dossier)

    @cached_property
    def holders(self) -> HolderRepository:
        from contrat_desktop.storage.holders import HolderRepository

        return HolderRepository(self.dossier)

    @cached_property
    def funders(self) -> FunderRepository:
        from contrat_desktop.storage.funders import FunderRepository

        return FunderRepository(self.dossier)

    @cached_property
    def envelopes(self) -> EnvelopeRepository:
        from contrat_desktop.storage.funders import EnvelopeRepository

        return EnvelopeRepository(self.dossier)

    @cached_property
    def actions(self) -> ActionRepository:
        from contrat_desktop.storage.actions import ActionRepository

        return ActionRepository(self.dossier)

    @cached_property
    def funding_lines(self) -> FundingLineRepository:
        from contrat_desktop.storage.funding import FundingLineRepository

        return FundingLineRepository(self.dossier)

    @cached_property
    def payments(self) -> PaymentRepository:
        from contrat_desktop.storage.funding import PaymentRepository

        return PaymentRepository(self.dossier)

    @cached_property
    def reports(self) -> ReportRepository:
        from contrat_desktop.storage.bilans import ReportRepository

        return ReportRepository(self.dossier)

    @cached_property
    def attachments(self) -> AttachmentRepository:
        from contrat_desktop.storage.attachments import AttachmentRepository

        return AttachmentRepository(self.dossier)

    @cached_property
    def piece_kinds(self) -> PieceKindRepository:
        from contrat_desktop.storage.request_file import PieceKindRepository

        return PieceKindRepository(self.dossier)

    @cached_property
    def request_pieces(self) -> RequestPieceRepository:
        from contrat_desktop.storage.request_file import RequestPieceRepository

        return RequestPieceRepository(self.dossier)

    @cached_property
    def bodies(self) -> BodyRepository:
        from contrat_desktop.storage.bodies import BodyRepository

        return BodyRepository(self.dossier)

    @cached_property
    def settings(self) -> SettingsRepository:
        from contrat_desktop.storage.settings import SettingsRepository

        return SettingsRepository(self.dossier)

    @cached_property
    def persons(self) -> PersonRepository:
        from contrat_desktop.storage.persons import PersonRepository

        return PersonRepository(self.dossier)

    @cached_property
    def body_members(self) -> BodyMemberRepository:
        from contrat_desktop.storage.persons import BodyMemberRepository

        return BodyMemberRepository(self.dossier)

    @cached_property
    def meetings(self) -> MeetingRepository:
        from contrat_desktop.storage.meetings import MeetingRepository

        return MeetingRepository(self.dossier)

    @cached_property
    def agenda_items(self) -> AgendaItemRepository:
        from contrat_desktop.storage.meetings import AgendaItemRepository

        return AgendaItemRepository(self.dossier)

    @cached_property
    def attendance(self) -> AttendanceRepository:
        from contrat_desktop.storage.meetings import AttendanceRepository

        return AttendanceRepository(self.dossier)

    @cached_property
    def examined_actions(self) -> ExaminedActionRepository:
        from contrat_desktop.storage.decisions import ExaminedActionRepository

        return ExaminedActionRepository(self.dossier)

    @cached_property
    def follow_ups(self) -> FollowUpRepository:
        from contrat_desktop.storage.meetings import FollowUpRepository

        return FollowUpRepository(self.dossier)

    @cached_property
    def minutes_documents(self) -> MinutesDocumentRepository:
        from contrat_desktop.storage.minutes_documents import MinutesDocumentRepository

        return MinutesDocumentRepository(self.dossier)

    @cached_property
    def councils(self) -> CouncilRepository:
        from contrat_desktop.storage.council import CouncilRepository

        return CouncilRepository(self.dossier)

    @cached_property
    def council_members(self) -> MemberRepository:
        from contrat_desktop.storage.council import MemberRepository

        return MemberRepository(self.dossier)

    @cached_property
    def candidate_lists(self) -> CandidateListRepository:
        from contrat_desktop.storage.council import CandidateListRepository

        return CandidateListRepository(self.dossier)

    @cached_property
    def draws(self) -> DrawRepository:
        from contrat_desktop.storage.council import DrawRepository

        return DrawRepository(self.dossier)
