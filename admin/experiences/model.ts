/**
 * The rule shapes the Experiences section edits: the shared types (one
 * definition for admin, runtime and tester, checked against the schema).
 */
export type {
	Action,
	ActionName,
	Condition,
	ConditionType,
	Device,
	ExperiencesSettings,
	MatchOp,
	Rule,
	Weekday,
} from '../../src/shared/experiences';
