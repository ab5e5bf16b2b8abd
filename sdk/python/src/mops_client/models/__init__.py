"""Contains all the data models used in inputs/outputs"""

from .activity_kind import ActivityKind
from .adoption_report import AdoptionReport
from .adoption_row import AdoptionRow
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_page import ApiKeyPage
from .api_key_read import ApiKeyRead
from .api_key_rotate import ApiKeyRotate
from .api_scope import ApiScope
from .assessment_create import AssessmentCreate
from .assessment_page import AssessmentPage
from .assessment_read import AssessmentRead
from .assessment_sort import AssessmentSort
from .assessment_status import AssessmentStatus
from .assessment_update import AssessmentUpdate
from .assignee_type import AssigneeType
from .attribution_rule import AttributionRule
from .audit_entry import AuditEntry
from .audit_entry_action import AuditEntryAction
from .audit_entry_after_type_0 import AuditEntryAfterType0
from .audit_entry_before_type_0 import AuditEntryBeforeType0
from .audit_page import AuditPage
from .band_mapping import BandMapping
from .barrier import Barrier
from .barrier_kind import BarrierKind
from .broken_integration import BrokenIntegration
from .cadence import Cadence
from .category_page import CategoryPage
from .category_read import CategoryRead
from .category_sort import CategorySort
from .centre import Centre
from .centre_of_excellence_size import CentreOfExcellenceSize
from .centre_score import CentreScore
from .change_kind import ChangeKind
from .commerce_structure import CommerceStructure
from .connection_create import ConnectionCreate
from .connection_created import ConnectionCreated
from .connection_page import ConnectionPage
from .connection_read import ConnectionRead
from .connection_secret_rotation import ConnectionSecretRotation
from .connection_update import ConnectionUpdate
from .contract_create import ContractCreate
from .contract_page import ContractPage
from .contract_read import ContractRead
from .contract_sort import ContractSort
from .contract_update import ContractUpdate
from .contribution import Contribution
from .contribution_source import ContributionSource
from .coordination_kind import CoordinationKind
from .coordination_mechanism_create import CoordinationMechanismCreate
from .coordination_mechanism_page import CoordinationMechanismPage
from .coordination_mechanism_read import CoordinationMechanismRead
from .coordination_mechanism_sort import CoordinationMechanismSort
from .coordination_mechanism_update import CoordinationMechanismUpdate
from .coordination_summary import CoordinationSummary
from .coordination_summary_by_kind import CoordinationSummaryByKind
from .coordination_summary_by_level import CoordinationSummaryByLevel
from .core_tools_chosen_by import CoreToolsChosenBy
from .currency_code import CurrencyCode
from .custom_field_create import CustomFieldCreate
from .custom_field_page import CustomFieldPage
from .custom_field_read import CustomFieldRead
from .custom_field_type import CustomFieldType
from .cx_efficiency_document import CxEfficiencyDocument
from .cx_quadrant import CxQuadrant
from .database_state import DatabaseState
from .delivery import Delivery
from .delivery_attempt import DeliveryAttempt
from .delivery_detail import DeliveryDetail
from .delivery_detail_data import DeliveryDetailData
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .dimension import Dimension
from .dimension_score import DimensionScore
from .edge_direction import EdgeDirection
from .event_type import EventType
from .event_type_list import EventTypeList
from .event_type_selector import EventTypeSelector
from .evidence import Evidence
from .evidence_from_inventory import EvidenceFromInventory
from .evidence_from_inventory_and_org import EvidenceFromInventoryAndOrg
from .evidence_from_org import EvidenceFromOrg
from .evidence_from_scoring import EvidenceFromScoring
from .evidence_rules import EvidenceRules
from .evidence_signal_page import EvidenceSignalPage
from .evidence_signal_read import EvidenceSignalRead
from .evidence_source import EvidenceSource
from .evidence_value import EvidenceValue
from .evidence_value_basis import EvidenceValueBasis
from .five_forces_document import FiveForcesDocument
from .framework_create import FrameworkCreate
from .framework_detail import FrameworkDetail
from .framework_document import FrameworkDocument
from .framework_kind import FrameworkKind
from .framework_page import FrameworkPage
from .framework_read import FrameworkRead
from .framework_sort import FrameworkSort
from .gap_role import GapRole
from .goal import Goal
from .health import Health
from .held_skill import HeldSkill
from .import_action import ImportAction
from .import_coordination import ImportCoordination
from .import_enrolment import ImportEnrolment
from .import_field_error import ImportFieldError
from .import_mode import ImportMode
from .import_organisation import ImportOrganisation
from .import_person import ImportPerson
from .import_problem_read import ImportProblemRead
from .import_raci import ImportRaci
from .import_raci_activity import ImportRaciActivity
from .import_raci_activity_assignments import ImportRaciActivityAssignments
from .import_refusal import ImportRefusal
from .import_report import ImportReport
from .import_row_result import ImportRowResult
from .import_severity import ImportSeverity
from .import_skill import ImportSkill
from .import_training import ImportTraining
from .import_unit import ImportUnit
from .import_wave import ImportWave
from .import_wave_skill import ImportWaveSkill
from .inbox_event import InboxEvent
from .inbox_page import InboxPage
from .inbox_sort import InboxSort
from .inbox_status import InboxStatus
from .inferred_model import InferredModel
from .integration_coverage_report import IntegrationCoverageReport
from .integration_create import IntegrationCreate
from .integration_level import IntegrationLevel
from .integration_page import IntegrationPage
from .integration_read import IntegrationRead
from .integration_sort import IntegrationSort
from .integration_status import IntegrationStatus
from .integration_update import IntegrationUpdate
from .inventory_evidence import InventoryEvidence
from .inventory_org_signal import InventoryOrgSignal
from .inventory_signal import InventorySignal
from .json_schema_document import JsonSchemaDocument
from .licence_usage_create import LicenceUsageCreate
from .licence_usage_page import LicenceUsagePage
from .licence_usage_read import LicenceUsageRead
from .linear_mapping import LinearMapping
from .martech_gap import MartechGap
from .martech_gap_read import MartechGapRead
from .migration_state import MigrationState
from .mo_readiness_document import MoReadinessDocument
from .model_basis import ModelBasis
from .money import Money
from .money_sum import MoneySum
from .objective import Objective
from .once_question import OnceQuestion
from .operating_model import OperatingModel
from .org_document import OrgDocument
from .org_import_counts import OrgImportCounts
from .org_import_problem import OrgImportProblem
from .org_import_report import OrgImportReport
from .org_metrics import OrgMetrics
from .org_profile_put import OrgProfilePut
from .org_profile_read import OrgProfileRead
from .org_signal import OrgSignal
from .outcome_counts import OutcomeCounts
from .outcome_create import OutcomeCreate
from .outcome_create_attributes import OutcomeCreateAttributes
from .outcome_kind import OutcomeKind
from .outcome_page import OutcomePage
from .outcome_read import OutcomeRead
from .outcome_read_attributes import OutcomeReadAttributes
from .outcome_source import OutcomeSource
from .owner_role import OwnerRole
from .people_distribution import PeopleDistribution
from .person_create import PersonCreate
from .person_page import PersonPage
from .person_read import PersonRead
from .person_skill_gap import PersonSkillGap
from .person_skill_gaps import PersonSkillGaps
from .person_skills import PersonSkills
from .person_skills_update import PersonSkillsUpdate
from .person_sort import PersonSort
from .person_training import PersonTraining
from .person_training_item import PersonTrainingItem
from .person_update import PersonUpdate
from .plan_create import PlanCreate
from .plan_page import PlanPage
from .plan_read import PlanRead
from .plan_sort import PlanSort
from .plan_status import PlanStatus
from .plan_update import PlanUpdate
from .planned_change import PlannedChange
from .planned_tool import PlannedTool
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .problem_location import ProblemLocation
from .process import Process
from .process_question import ProcessQuestion
from .process_score import ProcessScore
from .provider import Provider
from .quadrant import Quadrant
from .quadrant_rule import QuadrantRule
from .quadrant_score import QuadrantScore
from .question import Question
from .raci_activity import RaciActivity
from .raci_assignment import RaciAssignment
from .raci_letter import RaciLetter
from .raci_matrix_create import RaciMatrixCreate
from .raci_matrix_page import RaciMatrixPage
from .raci_matrix_read import RaciMatrixRead
from .raci_matrix_sort import RaciMatrixSort
from .raci_matrix_update import RaciMatrixUpdate
from .raci_named_assignee import RaciNamedAssignee
from .raci_summary import RaciSummary
from .raci_summary_violations_by_code import RaciSummaryViolationsByCode
from .raci_validation import RaciValidation
from .raci_violation import RaciViolation
from .raci_violation_code import RaciViolationCode
from .rate_limit import RateLimit
from .readiness import Readiness
from .readiness_level import ReadinessLevel
from .readiness_status import ReadinessStatus
from .readiness_verdict import ReadinessVerdict
from .receive_report import ReceiveReport
from .redundancy_report import RedundancyReport
from .redundant_capability import RedundantCapability
from .redundant_tool import RedundantTool
from .renewal_row import RenewalRow
from .renewal_sweep_result import RenewalSweepResult
from .renewals_report import RenewalsReport
from .required_skill import RequiredSkill
from .respondent_page import RespondentPage
from .respondent_read import RespondentRead
from .respondent_sort import RespondentSort
from .respondents_add import RespondentsAdd
from .response_page import ResponsePage
from .response_read import ResponseRead
from .response_read_answers import ResponseReadAnswers
from .response_read_process_answers import ResponseReadProcessAnswers
from .response_read_process_answers_additional_property import (
    ResponseReadProcessAnswersAdditionalProperty,
)
from .response_sort import ResponseSort
from .response_submit import ResponseSubmit
from .response_submit_answers import ResponseSubmitAnswers
from .response_submit_process_answers import ResponseSubmitProcessAnswers
from .response_submit_process_answers_additional_property import (
    ResponseSubmitProcessAnswersAdditionalProperty,
)
from .result_page import ResultPage
from .result_read import ResultRead
from .result_sort import ResultSort
from .result_summary import ResultSummary
from .result_summary_deltas import ResultSummaryDeltas
from .result_summary_scores import ResultSummaryScores
from .return_row import ReturnRow
from .returns_report import ReturnsReport
from .role_create import RoleCreate
from .role_gap_count import RoleGapCount
from .role_holder_gaps import RoleHolderGaps
from .role_page import RolePage
from .role_read import RoleRead
from .role_requirement_gap import RoleRequirementGap
from .role_skill_gaps import RoleSkillGaps
from .role_sort import RoleSort
from .role_update import RoleUpdate
from .scale import Scale
from .scale_labels import ScaleLabels
from .scenario_create import ScenarioCreate
from .scenario_diff import ScenarioDiff
from .scenario_page import ScenarioPage
from .scenario_read import ScenarioRead
from .scenario_sort import ScenarioSort
from .scenario_update import ScenarioUpdate
from .scoring_signal import ScoringSignal
from .secret_rotation import SecretRotation
from .severity import Severity
from .skill_need import SkillNeed
from .skill_source import SkillSource
from .spans_of_control import SpansOfControl
from .spend_group_by import SpendGroupBy
from .spend_report import SpendReport
from .spend_row import SpendRow
from .spend_total import SpendTotal
from .spread import Spread
from .stack_tool_ref import StackToolRef
from .stage import Stage
from .stage_diff import StageDiff
from .stage_read import StageRead
from .status_change import StatusChange
from .status_history import StatusHistory
from .subcategory_create import SubcategoryCreate
from .subscription_create import SubscriptionCreate
from .subscription_created import SubscriptionCreated
from .subscription_page import SubscriptionPage
from .subscription_read import SubscriptionRead
from .subscription_update import SubscriptionUpdate
from .sync_mode import SyncMode
from .tenant_read import TenantRead
from .thresholds import Thresholds
from .tool_create import ToolCreate
from .tool_create_custom_fields import ToolCreateCustomFields
from .tool_import_row import ToolImportRow
from .tool_owner import ToolOwner
from .tool_ownership import ToolOwnership
from .tool_ownership_page import ToolOwnershipPage
from .tool_page import ToolPage
from .tool_read import ToolRead
from .tool_read_custom_fields import ToolReadCustomFields
from .tool_removal_impact import ToolRemovalImpact
from .tool_sort import ToolSort
from .tool_status import ToolStatus
from .tool_update import ToolUpdate
from .tool_update_custom_fields_type_0 import ToolUpdateCustomFieldsType0
from .training_completion_create import TrainingCompletionCreate
from .training_coverage import TrainingCoverage
from .training_coverage_read import TrainingCoverageRead
from .training_enrolment_create import TrainingEnrolmentCreate
from .training_enrolment_page import TrainingEnrolmentPage
from .training_enrolment_read import TrainingEnrolmentRead
from .training_enrolment_sort import TrainingEnrolmentSort
from .training_programme_create import TrainingProgrammeCreate
from .training_programme_page import TrainingProgrammePage
from .training_programme_read import TrainingProgrammeRead
from .training_programme_sort import TrainingProgrammeSort
from .training_programme_update import TrainingProgrammeUpdate
from .training_wave_change import TrainingWaveChange
from .training_wave_create import TrainingWaveCreate
from .training_wave_read import TrainingWaveRead
from .unit_ancestor import UnitAncestor
from .unit_ancestors import UnitAncestors
from .unit_create import UnitCreate
from .unit_evidence import UnitEvidence
from .unit_in_tree import UnitInTree
from .unit_page import UnitPage
from .unit_read import UnitRead
from .unit_role import UnitRole
from .unit_sides import UnitSides
from .unit_skill_gap import UnitSkillGap
from .unit_skill_gaps import UnitSkillGaps
from .unit_sort import UnitSort
from .unit_subtree_page import UnitSubtreePage
from .unit_type import UnitType
from .unit_update import UnitUpdate
from .wave_level import WaveLevel
from .wave_skill import WaveSkill

__all__ = (
    "ActivityKind",
    "AdoptionReport",
    "AdoptionRow",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPage",
    "ApiKeyRead",
    "ApiKeyRotate",
    "ApiScope",
    "AssessmentCreate",
    "AssessmentPage",
    "AssessmentRead",
    "AssessmentSort",
    "AssessmentStatus",
    "AssessmentUpdate",
    "AssigneeType",
    "AttributionRule",
    "AuditEntry",
    "AuditEntryAction",
    "AuditEntryAfterType0",
    "AuditEntryBeforeType0",
    "AuditPage",
    "BandMapping",
    "Barrier",
    "BarrierKind",
    "BrokenIntegration",
    "Cadence",
    "CategoryPage",
    "CategoryRead",
    "CategorySort",
    "Centre",
    "CentreOfExcellenceSize",
    "CentreScore",
    "ChangeKind",
    "CommerceStructure",
    "ConnectionCreate",
    "ConnectionCreated",
    "ConnectionPage",
    "ConnectionRead",
    "ConnectionSecretRotation",
    "ConnectionUpdate",
    "ContractCreate",
    "ContractPage",
    "ContractRead",
    "ContractSort",
    "ContractUpdate",
    "Contribution",
    "ContributionSource",
    "CoordinationKind",
    "CoordinationMechanismCreate",
    "CoordinationMechanismPage",
    "CoordinationMechanismRead",
    "CoordinationMechanismSort",
    "CoordinationMechanismUpdate",
    "CoordinationSummary",
    "CoordinationSummaryByKind",
    "CoordinationSummaryByLevel",
    "CoreToolsChosenBy",
    "CurrencyCode",
    "CustomFieldCreate",
    "CustomFieldPage",
    "CustomFieldRead",
    "CustomFieldType",
    "CxEfficiencyDocument",
    "CxQuadrant",
    "DatabaseState",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryDetail",
    "DeliveryDetailData",
    "DeliveryPage",
    "DeliveryStatus",
    "Dimension",
    "DimensionScore",
    "EdgeDirection",
    "EventType",
    "EventTypeList",
    "EventTypeSelector",
    "Evidence",
    "EvidenceFromInventory",
    "EvidenceFromInventoryAndOrg",
    "EvidenceFromOrg",
    "EvidenceFromScoring",
    "EvidenceRules",
    "EvidenceSignalPage",
    "EvidenceSignalRead",
    "EvidenceSource",
    "EvidenceValue",
    "EvidenceValueBasis",
    "FiveForcesDocument",
    "FrameworkCreate",
    "FrameworkDetail",
    "FrameworkDocument",
    "FrameworkKind",
    "FrameworkPage",
    "FrameworkRead",
    "FrameworkSort",
    "GapRole",
    "Goal",
    "Health",
    "HeldSkill",
    "ImportAction",
    "ImportCoordination",
    "ImportEnrolment",
    "ImportFieldError",
    "ImportMode",
    "ImportOrganisation",
    "ImportPerson",
    "ImportProblemRead",
    "ImportRaci",
    "ImportRaciActivity",
    "ImportRaciActivityAssignments",
    "ImportRefusal",
    "ImportReport",
    "ImportRowResult",
    "ImportSeverity",
    "ImportSkill",
    "ImportTraining",
    "ImportUnit",
    "ImportWave",
    "ImportWaveSkill",
    "InboxEvent",
    "InboxPage",
    "InboxSort",
    "InboxStatus",
    "InferredModel",
    "IntegrationCoverageReport",
    "IntegrationCreate",
    "IntegrationLevel",
    "IntegrationPage",
    "IntegrationRead",
    "IntegrationSort",
    "IntegrationStatus",
    "IntegrationUpdate",
    "InventoryEvidence",
    "InventoryOrgSignal",
    "InventorySignal",
    "JsonSchemaDocument",
    "LicenceUsageCreate",
    "LicenceUsagePage",
    "LicenceUsageRead",
    "LinearMapping",
    "MartechGap",
    "MartechGapRead",
    "MigrationState",
    "ModelBasis",
    "Money",
    "MoneySum",
    "MoReadinessDocument",
    "Objective",
    "OnceQuestion",
    "OperatingModel",
    "OrgDocument",
    "OrgImportCounts",
    "OrgImportProblem",
    "OrgImportReport",
    "OrgMetrics",
    "OrgProfilePut",
    "OrgProfileRead",
    "OrgSignal",
    "OutcomeCounts",
    "OutcomeCreate",
    "OutcomeCreateAttributes",
    "OutcomeKind",
    "OutcomePage",
    "OutcomeRead",
    "OutcomeReadAttributes",
    "OutcomeSource",
    "OwnerRole",
    "PeopleDistribution",
    "PersonCreate",
    "PersonPage",
    "PersonRead",
    "PersonSkillGap",
    "PersonSkillGaps",
    "PersonSkills",
    "PersonSkillsUpdate",
    "PersonSort",
    "PersonTraining",
    "PersonTrainingItem",
    "PersonUpdate",
    "PlanCreate",
    "PlannedChange",
    "PlannedTool",
    "PlanPage",
    "PlanRead",
    "PlanSort",
    "PlanStatus",
    "PlanUpdate",
    "Problem",
    "ProblemFieldError",
    "ProblemLocation",
    "Process",
    "ProcessQuestion",
    "ProcessScore",
    "Provider",
    "Quadrant",
    "QuadrantRule",
    "QuadrantScore",
    "Question",
    "RaciActivity",
    "RaciAssignment",
    "RaciLetter",
    "RaciMatrixCreate",
    "RaciMatrixPage",
    "RaciMatrixRead",
    "RaciMatrixSort",
    "RaciMatrixUpdate",
    "RaciNamedAssignee",
    "RaciSummary",
    "RaciSummaryViolationsByCode",
    "RaciValidation",
    "RaciViolation",
    "RaciViolationCode",
    "RateLimit",
    "Readiness",
    "ReadinessLevel",
    "ReadinessStatus",
    "ReadinessVerdict",
    "ReceiveReport",
    "RedundancyReport",
    "RedundantCapability",
    "RedundantTool",
    "RenewalRow",
    "RenewalsReport",
    "RenewalSweepResult",
    "RequiredSkill",
    "RespondentPage",
    "RespondentRead",
    "RespondentsAdd",
    "RespondentSort",
    "ResponsePage",
    "ResponseRead",
    "ResponseReadAnswers",
    "ResponseReadProcessAnswers",
    "ResponseReadProcessAnswersAdditionalProperty",
    "ResponseSort",
    "ResponseSubmit",
    "ResponseSubmitAnswers",
    "ResponseSubmitProcessAnswers",
    "ResponseSubmitProcessAnswersAdditionalProperty",
    "ResultPage",
    "ResultRead",
    "ResultSort",
    "ResultSummary",
    "ResultSummaryDeltas",
    "ResultSummaryScores",
    "ReturnRow",
    "ReturnsReport",
    "RoleCreate",
    "RoleGapCount",
    "RoleHolderGaps",
    "RolePage",
    "RoleRead",
    "RoleRequirementGap",
    "RoleSkillGaps",
    "RoleSort",
    "RoleUpdate",
    "Scale",
    "ScaleLabels",
    "ScenarioCreate",
    "ScenarioDiff",
    "ScenarioPage",
    "ScenarioRead",
    "ScenarioSort",
    "ScenarioUpdate",
    "ScoringSignal",
    "SecretRotation",
    "Severity",
    "SkillNeed",
    "SkillSource",
    "SpansOfControl",
    "SpendGroupBy",
    "SpendReport",
    "SpendRow",
    "SpendTotal",
    "Spread",
    "StackToolRef",
    "Stage",
    "StageDiff",
    "StageRead",
    "StatusChange",
    "StatusHistory",
    "SubcategoryCreate",
    "SubscriptionCreate",
    "SubscriptionCreated",
    "SubscriptionPage",
    "SubscriptionRead",
    "SubscriptionUpdate",
    "SyncMode",
    "TenantRead",
    "Thresholds",
    "ToolCreate",
    "ToolCreateCustomFields",
    "ToolImportRow",
    "ToolOwner",
    "ToolOwnership",
    "ToolOwnershipPage",
    "ToolPage",
    "ToolRead",
    "ToolReadCustomFields",
    "ToolRemovalImpact",
    "ToolSort",
    "ToolStatus",
    "ToolUpdate",
    "ToolUpdateCustomFieldsType0",
    "TrainingCompletionCreate",
    "TrainingCoverage",
    "TrainingCoverageRead",
    "TrainingEnrolmentCreate",
    "TrainingEnrolmentPage",
    "TrainingEnrolmentRead",
    "TrainingEnrolmentSort",
    "TrainingProgrammeCreate",
    "TrainingProgrammePage",
    "TrainingProgrammeRead",
    "TrainingProgrammeSort",
    "TrainingProgrammeUpdate",
    "TrainingWaveChange",
    "TrainingWaveCreate",
    "TrainingWaveRead",
    "UnitAncestor",
    "UnitAncestors",
    "UnitCreate",
    "UnitEvidence",
    "UnitInTree",
    "UnitPage",
    "UnitRead",
    "UnitRole",
    "UnitSides",
    "UnitSkillGap",
    "UnitSkillGaps",
    "UnitSort",
    "UnitSubtreePage",
    "UnitType",
    "UnitUpdate",
    "WaveLevel",
    "WaveSkill",
)
