<?php
/**
 * Validation of settings input.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Checks RAW settings input (what the client sent, before anything is
 * coerced) against the schema, plus the rules a JSON schema cannot express
 * (a role must exist here, a mapping's key or value depends on its source,
 * private meta keys). Every writer (REST, CLI, constants) goes through here.
 *
 * It does not use core's rest_validate_value_from_schema(): core coerces
 * ("1" is a boolean, null skips validation), stops at the first error and
 * applies patterns with a `$` that lets a trailing newline through. Here the
 * types are strict (null is a type error everywhere), every error is
 * collected under its path (token, excludeRoles[1],
 * identity.mappings[2].field), and each message starts with the field's
 * admin label (Labels).
 *
 * The same checks drive the read side: clean_field() drops each invalid item
 * of a list alone, so one stale role, mapping row or rule never empties a
 * list.
 *
 * Experience rules: a condition's `type` and an action's `action` narrow
 * their object to the keys allowed (Schema::condition_schema(),
 * Schema::action_schema()); a regex value must pass RegexSafety; a hide rule
 * cannot have timed conditions; rule ids are unique; a schedule's from and
 * to differ. Errors read "Rule 3, Condition 2, Value: ..." under
 * experiences.rules[2].when[1].value.
 *
 * Event handlers: an action's `type` narrows it the same way
 * (Schema::event_action_schema()); a redirect must stay on this site
 * (RedirectPolicy); webhook ids are unique. Errors read "Handler 2,
 * Action 1, Address: ..." under events.handlers[1].actions[0].url.
 */
final class Validator {

	/**
	 * Schema path of a rule condition.
	 */
	const CONDITION = 'experiences.rules[].when[]';

	/**
	 * Schema path of a rule action.
	 */
	const ACTION = 'experiences.rules[].then';

	/**
	 * Schema path of an event handler action.
	 */
	const EVENT_ACTION = 'events.handlers[].actions[]';

	/**
	 * Lists whose items are told apart by one of their keys (a duplicate is an error).
	 */
	const KEYED_LISTS = array(
		'identity.mappings[]' => 'field',
		'experiences.rules[]' => 'id',
		'events.webhooks[]'   => 'id',
	);

	/**
	 * Errors of one field's value, every one of them.
	 *
	 * @param mixed  $value Input value.
	 * @param string $field Field name.
	 * @return array<string, string> Path to message; empty when valid.
	 */
	public static function field_errors( $value, string $field ): array {
		$properties = Schema::editable_properties();
		if ( ! isset( $properties[ $field ] ) ) {
			return array( self::safe_path( $field ) => self::not_a_setting( $field ) );
		}
		$errors = array();
		self::walk( $value, $properties[ $field ], $field, $field, array(), $errors );
		return $errors;
	}

	/**
	 * Validates one field's value.
	 *
	 * @param mixed  $value Input value.
	 * @param string $field Field name.
	 * @return true|WP_Error The error's message is the first problem; its data holds all of them.
	 */
	public static function validate_field( $value, string $field ) {
		$errors = self::field_errors( $value, $field );
		return empty( $errors ) ? true : self::to_rest_error( $errors );
	}

	/**
	 * Validates identity mappings on their own (for the preview route).
	 *
	 * @param mixed  $mappings Raw mappings.
	 * @param string $path     Path of the list in error keys.
	 * @return array<string, string> Path to message; empty when valid.
	 */
	public static function mapping_errors( $mappings, string $path = 'identity.mappings' ): array {
		$schema = Schema::properties()['identity']['properties']['mappings'] ?? array();
		$errors = array();
		self::walk( $mappings, $schema, $path, 'identity.mappings', array(), $errors );
		return $errors;
	}

	/**
	 * Validates a list of Experience rules on their own (for the rule tester
	 * route), exactly as a save of `experiences.rules` would: same checks,
	 * same messages ("Rule 3, Condition 2, Value: ..."), paths under $path
	 * (rules[2].when[1].value).
	 *
	 * @param mixed  $rules Raw rules.
	 * @param string $path  Path of the list in error keys.
	 * @return array<string, string> Path to message; empty when valid.
	 */
	public static function rule_errors( $rules, string $path = 'experiences.rules' ): array {
		$schema = Schema::properties()['experiences']['properties']['rules'] ?? array();
		$errors = array();
		self::walk( $rules, $schema, $path, 'experiences.rules', array(), $errors );
		return $errors;
	}

	/**
	 * The valid rules of a list, each invalid one dropped alone (a later
	 * duplicate id too), at most 200: what the settings read keeps, for
	 * rules that come from elsewhere (a filter, the tester's body).
	 *
	 * @param mixed $rules Raw rules.
	 * @return array{0: array<int, array<string, mixed>>, 1: array<string, string>} Rules kept, and path => message of what was dropped.
	 */
	public static function clean_rules( $rules ): array {
		$schema   = Schema::properties()['experiences']['properties']['rules'] ?? array();
		$problems = array();
		$clean    = self::clean( $rules, $schema, 'experiences.rules', 'experiences.rules', $problems );
		if ( ! $clean['ok'] ) {
			return array( array(), self::rule_errors( $rules ) );
		}
		return array( $clean['value'], $problems );
	}

	/**
	 * Validates a set of changes: every key must be an editable, unlocked
	 * field and every value valid. All problems are reported at once.
	 *
	 * @param array<string, mixed> $changes Field name to new value.
	 * @param string[]             $locked  Fields that constants or the network lock.
	 * @return true|WP_Error
	 */
	public static function validate_changes( array $changes, array $locked = array() ) {
		$errors = array();
		foreach ( $changes as $field => $value ) {
			$field = (string) $field;
			if ( in_array( $field, $locked, true ) && ! defined( Constants::name_for( $field ) ) ) {
				// Locked, and not by a constant: by the network (Network\NetworkSettings).
				/* translators: %s: field label. */
				$errors[ $field ] = sprintf( __( '%s: locked by the network administrator; only the network settings can change it.', 'qualified-integration' ), Labels::of( $field ) );
				continue;
			}
			if ( in_array( $field, $locked, true ) ) {
				$errors[ $field ] = sprintf(
					/* translators: 1: field label, 2: PHP constant name. */
					__( '%1$s: locked by the %2$s constant in wp-config.php.', 'qualified-integration' ),
					Labels::of( $field ),
					Constants::name_for( $field )
				);
				continue;
			}
			$errors += self::field_errors( $value, $field );
		}
		return empty( $errors ) ? true : self::to_rest_error( $errors );
	}

	/**
	 * The usable part of a stored or constant value: the value itself when
	 * valid; else, for lists, the list without its invalid items (each
	 * dropped alone, duplicates after their first, items past maxItems);
	 * else the field's fallback (Schema::fallback: an invalid off-switch
	 * reads as off).
	 *
	 * @param mixed  $value Stored or constant value.
	 * @param string $field Field name (editable).
	 * @return array{0: mixed, 1: array<string, string>} The value to use, and path => message of what was dropped.
	 */
	public static function clean_field( $value, string $field ): array {
		$property = Schema::editable_properties()[ $field ] ?? array();
		$problems = array();
		$clean    = self::clean( $value, $property, $field, $field, $problems );
		if ( $clean['ok'] ) {
			return array( $clean['value'], $problems );
		}
		$errors = self::field_errors( $value, $field );
		return array( Schema::fallback( $field ), array( $field => (string) reset( $errors ) ) );
	}

	/**
	 * Builds one error in the shape of core's invalid-argument response.
	 *
	 * @param array<string, string> $errors Path to message.
	 * @return WP_Error
	 */
	public static function to_rest_error( array $errors ): WP_Error {
		$details = array();
		foreach ( $errors as $path => $message ) {
			$details[ $path ] = array(
				'code'    => 'rest_invalid_param',
				'message' => $message,
				'data'    => null,
			);
		}
		return new WP_Error(
			'rest_invalid_param',
			(string) reset( $errors ),
			array(
				'status'  => 400,
				'params'  => $errors,
				'details' => $details,
			)
		);
	}

	/**
	 * Applies a schema pattern to the WHOLE string: \A(?:pattern)\z with the
	 * D modifier, so "Abc\n" and "\n" never pass a `^...$` pattern.
	 *
	 * @param string $pattern ECMA-262 style pattern from the schema.
	 * @param string $value   Value.
	 * @return bool
	 */
	public static function matches( string $pattern, string $value ): bool {
		return 1 === preg_match( '#\A(?:' . str_replace( '#', '\#', $pattern ) . ')\z#Du', $value );
	}

	/**
	 * Collects the errors of a value against a schema node, recursively.
	 *
	 * @param mixed                 $value  Value.
	 * @param array<string, mixed>  $schema Schema node.
	 * @param string                $path   Path with indexes: identity.mappings[2].field.
	 * @param string                $spath  Path with "[]": identity.mappings[].field.
	 * @param int[]                 $rows   1-based numbers of the enclosing list items, outermost first.
	 * @param array<string, string> $errors Receives path => message.
	 */
	private static function walk( $value, array $schema, string $path, string $spath, array $rows, array &$errors ): void {
		$type = (string) ( $schema['type'] ?? '' );
		if ( ! self::has_type( $value, $type ) ) {
			$errors[ $path ] = self::type_message( self::label( $spath, $rows ), $type, $value );
			return;
		}

		if ( 'string' === $type ) {
			$message = self::string_error( $value, $schema, $spath );
			if ( null !== $message ) {
				$errors[ $path ] = self::label( $spath, $rows ) . ': ' . $message;
			}
		} elseif ( 'integer' === $type ) {
			if ( isset( $schema['minimum'] ) && $value < $schema['minimum'] ) {
				/* translators: 1: field label, 2: smallest value allowed. */
				$errors[ $path ] = sprintf( __( '%1$s: must be at least %2$d.', 'qualified-integration' ), self::label( $spath, $rows ), (int) $schema['minimum'] );
			} elseif ( isset( $schema['maximum'] ) && $value > $schema['maximum'] ) {
				/* translators: 1: field label, 2: largest value allowed. */
				$errors[ $path ] = sprintf( __( '%1$s: must be at most %2$d.', 'qualified-integration' ), self::label( $spath, $rows ), (int) $schema['maximum'] );
			}
		} elseif ( 'array' === $type ) {
			self::walk_list( $value, $schema, $path, $spath, $rows, $errors );
		} elseif ( 'object' === $type ) {
			if ( self::CONDITION === $spath ) {
				$schema = Schema::condition_schema( $value );
			} elseif ( self::ACTION === $spath ) {
				$schema = Schema::action_schema( $value );
			} elseif ( self::EVENT_ACTION === $spath ) {
				$schema = Schema::event_action_schema( $value );
			}
			self::walk_object( $value, $schema, $path, $spath, $rows, $errors );
		}
	}

	/**
	 * The label of a path, for the rows it is in.
	 *
	 * @param string $spath Schema path.
	 * @param int[]  $rows  Row numbers, outermost first.
	 * @return string
	 */
	private static function label( string $spath, array $rows ): string {
		return Labels::of( $spath, $rows[0] ?? null, $rows[1] ?? null );
	}

	/**
	 * Errors of a list and of each of its items.
	 *
	 * @param array<int, mixed>     $value  List.
	 * @param array<string, mixed>  $schema Schema node.
	 * @param string                $path   Path.
	 * @param string                $spath  Schema path.
	 * @param int[]                 $rows   Row numbers of the enclosing items.
	 * @param array<string, string> $errors Receives path => message.
	 */
	private static function walk_list( array $value, array $schema, string $path, string $spath, array $rows, array &$errors ): void {
		if ( isset( $schema['maxItems'] ) && count( $value ) > $schema['maxItems'] ) {
			/* translators: 1: field label, 2: most entries allowed. */
			$errors[ $path ] = sprintf( __( '%1$s: at most %2$d entries.', 'qualified-integration' ), self::label( $spath, $rows ), (int) $schema['maxItems'] );
		} elseif ( isset( $schema['minItems'] ) && count( $value ) < $schema['minItems'] ) {
			/* translators: %s: field label. */
			$errors[ $path ] = sprintf( __( '%s: choose at least one.', 'qualified-integration' ), self::label( $spath, $rows ) );
		}
		$items      = is_array( $schema['items'] ?? null ) ? $schema['items'] : array();
		$item_spath = $spath . '[]';
		$keyed      = isset( self::KEYED_LISTS[ $item_spath ] );
		$seen       = array();
		foreach ( $value as $index => $item ) {
			$item_path = $path . '[' . $index . ']';
			$item_rows = array_merge( $rows, array( $index + 1 ) );
			self::walk( $item, $items, $item_path, $item_spath, $item_rows, $errors );

			if ( 'excludeRoles[]' === $item_spath && is_string( $item ) && empty( self::errors_under( $errors, $item_path ) ) ) {
				$message = self::role_error( $item );
				if ( null !== $message ) {
					$errors[ $item_path ] = Labels::of( $item_spath ) . ': ' . $message;
				}
			} elseif ( 'identity.mappings[]' === $item_spath ) {
				self::check_mapping( $item, $item_path, $index + 1, $errors );
			} elseif ( 'experiences.rules[]' === $item_spath ) {
				self::check_rule( $item, $item_path, $item_rows, $errors );
			} elseif ( self::CONDITION === $item_spath ) {
				self::check_condition( $item, $item_path, $item_rows, $errors );
			} elseif ( self::EVENT_ACTION === $item_spath ) {
				self::check_event_action( $item, $item_path, $item_rows, $errors );
			}

			// Duplicates: the later one is the error (and, on read, the one dropped). Only
			// an item without errors of its own counts as the first, so that dropping an
			// invalid item never takes a valid one with it.
			$identity = self::identity_of( $item, $item_spath );
			if ( null === $identity || ( empty( $schema['uniqueItems'] ) && ! $keyed ) ) {
				continue;
			}
			if ( isset( $seen[ $identity ] ) ) {
				self::add_duplicate_error( $item_spath, $item_path, $identity, $seen[ $identity ], $item_rows, $errors );
			} elseif ( empty( self::errors_under( $errors, $item_path ) ) ) {
				$seen[ $identity ] = $index + 1;
			}
		}
	}

	/**
	 * What makes a list item a duplicate of another: a scalar's value, a
	 * mapping's field, a rule's id.
	 *
	 * @param mixed  $item  Item.
	 * @param string $spath Schema path of the item.
	 * @return string|null Null when the item has no usable identity.
	 */
	private static function identity_of( $item, string $spath ): ?string {
		if ( isset( self::KEYED_LISTS[ $spath ] ) ) {
			$key = self::KEYED_LISTS[ $spath ];
			return is_array( $item ) && isset( $item[ $key ] ) && is_string( $item[ $key ] ) ? $item[ $key ] : null;
		}
		return is_scalar( $item ) ? (string) $item : null;
	}

	/**
	 * Records a duplicate item.
	 *
	 * @param string                $spath    Schema path of the item.
	 * @param string                $path     Path of the item.
	 * @param string                $identity What repeats.
	 * @param int                   $first    Row number of the first one.
	 * @param int[]                 $rows     Row numbers of this one, outermost first.
	 * @param array<string, string> $errors   Receives path => message.
	 */
	private static function add_duplicate_error( string $spath, string $path, string $identity, int $first, array $rows, array &$errors ): void {
		if ( isset( self::KEYED_LISTS[ $spath ] ) ) {
			$key_path = $path . '.' . self::KEYED_LISTS[ $spath ];
			if ( isset( $errors[ $key_path ] ) ) {
				return;
			}
			if ( 'events.webhooks[]' === $spath ) {
				$errors[ $key_path ] = sprintf(
					/* translators: 1: field label, 2: webhook ID, 3: number of the first webhook with that ID. */
					__( '%1$s: %2$s is already the ID of webhook %3$d.', 'qualified-integration' ),
					self::label( $spath . '.id', $rows ),
					$identity,
					$first
				);
				return;
			}
			$errors[ $key_path ] = 'identity.mappings[]' === $spath
				? sprintf(
					/* translators: 1: field label, 2: Qualified field name, 3: row number of its first mapping. */
					__( '%1$s: %2$s is already mapped in mapping %3$d.', 'qualified-integration' ),
					self::label( $spath . '.field', $rows ),
					$identity,
					$first
				)
				: sprintf(
					/* translators: 1: field label, 2: rule ID, 3: number of the first rule with that ID. */
					__( '%1$s: %2$s is already the ID of rule %3$d.', 'qualified-integration' ),
					self::label( $spath . '.id', $rows ),
					$identity,
					$first
				);
			return;
		}
		if ( ! isset( $errors[ $path ] ) ) {
			$errors[ $path ] = sprintf(
				/* translators: 1: field label, 2: the repeated value. */
				__( '%1$s: %2$s is listed twice.', 'qualified-integration' ),
				self::label( $spath, $rows ),
				$identity
			);
		}
	}

	/**
	 * The schema a property of an object must match: its own, else the
	 * object's additionalProperties schema (any value when that is true).
	 *
	 * @param array<string, mixed> $schema Object schema.
	 * @param string               $name   Property name.
	 * @return array<string, mixed>|null Null when the property is not allowed.
	 */
	private static function property_schema( array $schema, string $name ): ?array {
		if ( isset( $schema['properties'][ $name ] ) && is_array( $schema['properties'][ $name ] ) ) {
			return $schema['properties'][ $name ];
		}
		$additional = $schema['additionalProperties'] ?? false;
		if ( true === $additional ) {
			return array();
		}
		return is_array( $additional ) ? $additional : null;
	}

	/**
	 * Errors of an object's properties.
	 *
	 * @param array<string, mixed>  $value  Object as an array.
	 * @param array<string, mixed>  $schema Schema node.
	 * @param string                $path   Path.
	 * @param string                $spath  Schema path.
	 * @param int[]                 $rows   Row numbers of the enclosing items.
	 * @param array<string, string> $errors Receives path => message.
	 */
	private static function walk_object( array $value, array $schema, string $path, string $spath, array $rows, array &$errors ): void {
		$properties = is_array( $schema['properties'] ?? null ) ? $schema['properties'] : array();
		$names      = is_array( $schema['propertyNames'] ?? null ) ? $schema['propertyNames'] : null;
		foreach ( $value as $name => $child ) {
			$name         = (string) $name;
			$child_schema = self::property_schema( $schema, $name );
			if ( null === $child_schema ) {
				$errors[ self::safe_path( $path . '.' . $name, $path ) ] = sprintf(
					/* translators: 1: label of the object, 2: the unknown property name. */
					__( '%1$s: %2$s is not allowed here.', 'qualified-integration' ),
					self::label( $spath, $rows ),
					self::safe_name( $name )
				);
				continue;
			}
			$child_spath = isset( $properties[ $name ] ) ? $spath . '.' . $name : $spath . '.*';
			if ( null !== $names && ! isset( $properties[ $name ] ) ) {
				$message = self::string_error( $name, $names, 'propertyNames:' . $spath );
				if ( null !== $message ) {
					$errors[ self::safe_path( $path . '.' . $name, $path ) ] = sprintf(
						/* translators: 1: label of the object, 2: the property name, 3: what is wrong with it. */
						__( '%1$s, %2$s: %3$s', 'qualified-integration' ),
						self::label( $spath, $rows ),
						self::safe_name( $name ),
						$message
					);
					continue;
				}
			}
			self::walk( $child, $child_schema, $path . '.' . $name, $child_spath, $rows, $errors );
		}
		foreach ( (array) ( $schema['required'] ?? array() ) as $name ) {
			if ( ! array_key_exists( $name, $value ) ) {
				/* translators: %s: field label. */
				$errors[ $path . '.' . $name ] = sprintf( __( '%s: required.', 'qualified-integration' ), self::label( $spath . '.' . $name, $rows ) );
			}
		}
		if ( isset( $schema['maxProperties'] ) && count( $value ) > $schema['maxProperties'] && ! isset( $errors[ $path ] ) ) {
			/* translators: 1: field label, 2: most entries allowed. */
			$errors[ $path ] = sprintf( __( '%1$s: at most %2$d entries.', 'qualified-integration' ), self::label( $spath, $rows ), (int) $schema['maxProperties'] );
		} elseif ( isset( $schema['minProperties'] ) && count( $value ) < $schema['minProperties'] && ! isset( $errors[ $path ] ) ) {
			/* translators: %s: field label. */
			$errors[ $path ] = sprintf( __( '%s: add at least one.', 'qualified-integration' ), self::label( $spath, $rows ) );
		}
	}

	/**
	 * The rules of one Experience rule that span its parts: a hide rule
	 * cannot wait for a timed condition (the messenger would already show).
	 *
	 * @param mixed                 $rule   The rule (type already checked by walk()).
	 * @param string                $path   Path of the rule.
	 * @param int[]                 $rows   Its row number.
	 * @param array<string, string> $errors Receives path => message.
	 */
	private static function check_rule( $rule, string $path, array $rows, array &$errors ): void {
		if ( ! is_array( $rule ) || ! isset( $rule['then']['action'], $rule['when'] ) || ! is_array( $rule['when'] ) ) {
			return;
		}
		$action = Schema::actions()[ (string) ( is_string( $rule['then']['action'] ) ? $rule['then']['action'] : '' ) ] ?? array();
		if ( empty( $action['refusesTimed'] ) ) {
			return;
		}
		$timed = Schema::timed_condition_types();
		foreach ( $rule['when'] as $index => $condition ) {
			$type_path = $path . '.when[' . $index . '].type';
			if ( is_array( $condition ) && isset( $condition['type'] ) && in_array( $condition['type'], $timed, true ) && ! isset( $errors[ $type_path ] ) ) {
				$errors[ $type_path ] = self::label( self::CONDITION . '.type', array_merge( $rows, array( (int) $index + 1 ) ) ) . ': '
					. __( 'a rule that hides Qualified cannot wait for time on page or scroll (the messenger would already be on screen).', 'qualified-integration' );
			}
		}
	}

	/**
	 * The rules of one condition a schema cannot express: a regex must be
	 * safe (RegexSafety), a schedule must not start and end at the same time.
	 *
	 * @param mixed                 $condition The condition (type already checked by walk()).
	 * @param string                $path      Path of the condition.
	 * @param int[]                 $rows      Rule and condition numbers.
	 * @param array<string, string> $errors    Receives path => message.
	 */
	private static function check_condition( $condition, string $path, array $rows, array &$errors ): void {
		if ( ! is_array( $condition ) ) {
			return;
		}
		if ( isset( $condition['op'], $condition['value'] ) && 'regex' === $condition['op'] && is_string( $condition['value'] ) && ! isset( $errors[ $path . '.value' ] ) ) {
			$message = RegexSafety::problem( $condition['value'] );
			if ( null !== $message ) {
				$errors[ $path . '.value' ] = self::label( self::CONDITION . '.value', $rows ) . ': ' . $message;
			}
		}
		if ( isset( $condition['type'], $condition['from'], $condition['to'] ) && 'schedule' === $condition['type'] && $condition['from'] === $condition['to'] && ! isset( $errors[ $path . '.to' ] ) ) {
			$errors[ $path . '.to' ] = self::label( self::CONDITION . '.to', $rows ) . ': '
				. __( 'must differ from the start time (an end before the start runs overnight).', 'qualified-integration' );
		}
	}

	/**
	 * The rule of an event action a schema cannot express: a redirect goes
	 * to this site, or to a host the qualified_integration_redirect_hosts
	 * filter allows (RedirectPolicy), never to javascript: or elsewhere.
	 *
	 * @param mixed                 $action The action (type already checked by walk()).
	 * @param string                $path   Path of the action.
	 * @param int[]                 $rows   Handler and action numbers.
	 * @param array<string, string> $errors Receives path => message.
	 */
	private static function check_event_action( $action, string $path, array $rows, array &$errors ): void {
		if ( ! is_array( $action ) || 'redirect' !== ( $action['type'] ?? null ) || ! isset( $action['url'] ) || ! is_string( $action['url'] ) || isset( $errors[ $path . '.url' ] ) ) {
			return;
		}
		$message = RedirectPolicy::problem( $action['url'] );
		if ( null !== $message ) {
			$errors[ $path . '.url' ] = self::label( self::EVENT_ACTION . '.url', $rows ) . ': ' . $message;
		}
	}

	/**
	 * The rules of one mapping row that depend on its source.
	 *
	 * @param mixed                 $row    The row (already type-checked by walk()).
	 * @param string                $path   Path of the row.
	 * @param int                   $number 1-based row number.
	 * @param array<string, string> $errors Receives path => message.
	 */
	private static function check_mapping( $row, string $path, int $number, array &$errors ): void {
		if ( ! is_array( $row ) || ! isset( $row['source'] ) || ! is_string( $row['source'] ) ) {
			return;
		}
		$sources = Schema::sources();
		if ( ! isset( $sources[ $row['source'] ] ) ) {
			return; // The enum error is already recorded.
		}
		$source = $sources[ $row['source'] ];
		$needs  = (string) ( $source['needs'] ?? '' );
		$add    = static function ( string $column, string $message ) use ( $path, $number, &$errors ): void {
			if ( ! isset( $errors[ $path . '.' . $column ] ) ) {
				$errors[ $path . '.' . $column ] = Labels::of( 'identity.mappings[].' . $column, $number ) . ': ' . $message;
			}
		};

		foreach ( array( 'key', 'value' ) as $column ) {
			if ( $needs === $column && ! array_key_exists( $column, $row ) ) {
				$add( $column, __( 'required for this source.', 'qualified-integration' ) );
			} elseif ( $needs !== $column && array_key_exists( $column, $row ) ) {
				$add( $column, __( 'this source takes none; leave it out.', 'qualified-integration' ) );
			}
		}
		if ( array_key_exists( 'persist', $row ) && empty( $source['persist'] ) ) {
			$add( 'persist', __( 'only sources read in the browser (Visit) can keep a value for the visit.', 'qualified-integration' ) );
		}
		if ( 'key' === $needs && isset( $row['key'] ) && is_string( $row['key'] ) && ! MetaKeyPolicy::allows( $row['source'], $row['key'] ) ) {
			$add(
				'key',
				'_' === substr( $row['key'], 0, 1 )
					? __( 'meta keys starting with "_" are private and cannot be sent.', 'qualified-integration' )
					: __( 'this user meta key may hold a secret (password, token, capabilities...) and cannot be sent.', 'qualified-integration' )
			);
		}
	}

	/**
	 * Why a role slug cannot be excluded, if it cannot: it must exist on this site.
	 *
	 * @param string $role Role slug (pattern already checked).
	 * @return string|null
	 */
	private static function role_error( string $role ): ?string {
		if ( in_array( $role, array_keys( wp_roles()->get_names() ), true ) ) {
			return null;
		}
		/* translators: %s: role slug. */
		return sprintf( __( '%s is not a role on this site.', 'qualified-integration' ), $role );
	}

	/**
	 * Why a string breaks its schema, if it does.
	 *
	 * @param string               $value  Value.
	 * @param array<string, mixed> $schema Schema node.
	 * @param string               $spath  Schema path, to pick the message of a pattern.
	 * @return string|null
	 */
	private static function string_error( string $value, array $schema, string $spath ): ?string {
		if ( '' !== $value && 1 !== preg_match( '//u', $value ) ) {
			return __( 'must be valid UTF-8 text.', 'qualified-integration' );
		}
		$length = mb_strlen( $value );
		if ( isset( $schema['maxLength'] ) && $length > $schema['maxLength'] ) {
			/* translators: %d: most characters allowed. */
			return sprintf( __( 'use at most %d characters.', 'qualified-integration' ), (int) $schema['maxLength'] );
		}
		if ( isset( $schema['minLength'] ) && $length < $schema['minLength'] ) {
			return $schema['minLength'] > 1 && '' !== $value
				/* translators: %d: fewest characters allowed. */
				? sprintf( __( 'use at least %d characters.', 'qualified-integration' ), (int) $schema['minLength'] )
				: __( 'must not be empty.', 'qualified-integration' );
		}
		if ( isset( $schema['enum'] ) && ! in_array( $value, (array) $schema['enum'], true ) ) {
			$enum = (array) $schema['enum'];
			return count( $enum ) <= 5
				/* translators: %s: allowed values, comma-separated. */
				? sprintf( __( 'use one of: %s.', 'qualified-integration' ), implode( ', ', $enum ) )
				: __( 'choose one of the listed options.', 'qualified-integration' );
		}
		if ( isset( $schema['pattern'] ) && ! self::matches( (string) $schema['pattern'], $value ) ) {
			return self::pattern_message( $spath );
		}
		return null;
	}

	/**
	 * Plain words for a pattern (the pattern stays the rule, in the schema).
	 *
	 * @param string $spath Schema path.
	 * @return string
	 */
	private static function pattern_message( string $spath ): string {
		switch ( $spath ) {
			case 'token':
				return __( 'use only letters and digits (A-Z, a-z, 0-9).', 'qualified-integration' );
			case 'excludeRoles[]':
				return __( 'use a role slug (lowercase letters, digits, "_" and "-").', 'qualified-integration' );
			case 'identity.mappings[].field':
				return __( 'use letters, digits and underscores, starting with a letter.', 'qualified-integration' );
			case 'identity.mappings[].key':
			case 'identity.mappings[].value':
			case 'experiences.rules[].when[].key':
			case 'experiences.rules[].when[].value':
			case 'experiences.rules[].then.fields.*':
				return __( 'must not contain line breaks or other control characters.', 'qualified-integration' );
			case 'propertyNames:experiences.rules[].then.fields':
				return __( 'use a Qualified field API name: letters, digits and underscores, starting with a letter.', 'qualified-integration' );
			case 'experiences.rules[].id':
				return __( 'use 1 to 64 lowercase letters, digits, "_" and "-", starting with a letter or digit.', 'qualified-integration' );
			case 'experiences.rules[].then.experience':
				return __( 'use the Experience\'s API name: "experience-" followed by digits (in Qualified: Settings, Experiences, Manual, the Experience, API NAME).', 'qualified-integration' );
			case 'experiences.rules[].when[].from':
			case 'experiences.rules[].when[].to':
				return __( 'use a 24-hour time such as 09:00 or 17:30.', 'qualified-integration' );
			case 'experiences.rules[].when[].values[]':
				return __( 'use a post type slug (lowercase letters, digits, "_" and "-").', 'qualified-integration' );
			case 'experiences.rules[].when[].taxonomy':
				return __( 'use a taxonomy slug (lowercase letters, digits, "_" and "-").', 'qualified-integration' );
			case 'experiences.rules[].when[].slugs[]':
				return __( 'use a term slug (lowercase letters, digits, "_", "-" and "%").', 'qualified-integration' );
			case 'experiences.rules[].when[].roles[]':
				return __( 'use a role slug (lowercase letters, digits, "_" and "-").', 'qualified-integration' );
			default:
				return __( 'has characters that are not allowed.', 'qualified-integration' );
		}
	}

	/**
	 * Whether a value has a JSON type, strictly: no coercion, null is no type.
	 * JSON objects arrive as associative arrays; `{}` and `[]` are both an
	 * empty array, so an empty array passes as an empty object.
	 *
	 * @param mixed  $value Value.
	 * @param string $type  JSON schema type.
	 * @return bool
	 */
	private static function has_type( $value, string $type ): bool {
		switch ( $type ) {
			case 'boolean':
				return is_bool( $value );
			case 'string':
				return is_string( $value );
			case 'integer':
				return is_int( $value );
			case 'array':
				return is_array( $value ) && array_values( $value ) === $value;
			case 'object':
				return is_array( $value ) && ( array() === $value || array_values( $value ) !== $value );
			default:
				return true;
		}
	}

	/**
	 * "Site token: must be text, not null."
	 *
	 * @param string $label Field label.
	 * @param string $type  Expected JSON type.
	 * @param mixed  $value Value received.
	 * @return string
	 */
	private static function type_message( string $label, string $type, $value ): string {
		$words    = array(
			'boolean' => __( 'must be true or false', 'qualified-integration' ),
			'string'  => __( 'must be text', 'qualified-integration' ),
			'integer' => __( 'must be a whole number', 'qualified-integration' ),
			'array'   => __( 'must be a list', 'qualified-integration' ),
			'object'  => __( 'must be an object', 'qualified-integration' ),
		);
		$expected = $words[ $type ] ?? __( 'has the wrong type', 'qualified-integration' );
		if ( null === $value ) {
			/* translators: 1: field label, 2: what the value must be. */
			return sprintf( __( '%1$s: %2$s, not null.', 'qualified-integration' ), $label, $expected );
		}
		/* translators: 1: field label, 2: what the value must be. */
		return sprintf( __( '%1$s: %2$s.', 'qualified-integration' ), $label, $expected );
	}

	/**
	 * The usable part of a value, dropping invalid list items one by one.
	 *
	 * @param mixed                 $value    Value.
	 * @param array<string, mixed>  $schema   Schema node.
	 * @param string                $path     Path.
	 * @param string                $spath    Schema path.
	 * @param array<string, string> $problems Receives path => message of what was dropped.
	 * @return array{ok: bool, value: mixed}
	 */
	private static function clean( $value, array $schema, string $path, string $spath, array &$problems ): array {
		$errors = array();
		self::walk( $value, $schema, $path, $spath, array(), $errors );
		if ( empty( $errors ) ) {
			return array(
				'ok'    => true,
				'value' => $value,
			);
		}
		$type = (string) ( $schema['type'] ?? '' );
		if ( isset( $errors[ $path ] ) && ! self::has_type( $value, $type ) ) {
			return array(
				'ok'    => false,
				'value' => null,
			);
		}

		if ( 'array' === $type ) {
			$kept = array();
			foreach ( $value as $index => $item ) {
				$item_errors = self::errors_under( $errors, $path . '[' . $index . ']' );
				if ( empty( $item_errors ) ) {
					$kept[] = $item;
				} else {
					$problems += $item_errors;
				}
			}
			if ( isset( $schema['maxItems'] ) && count( $kept ) > $schema['maxItems'] ) {
				$problems[ $path ] = (string) ( $errors[ $path ] ?? '' );
				$kept              = array_slice( $kept, 0, (int) $schema['maxItems'] );
			}
			$value = $kept;
		} elseif ( 'object' === $type ) {
			$properties = is_array( $schema['properties'] ?? null ) ? $schema['properties'] : array();
			foreach ( $value as $name => $child ) {
				$name         = (string) $name;
				$child_schema = self::property_schema( $schema, $name );
				if ( null === $child_schema ) {
					$problems += self::errors_under( $errors, self::safe_path( $path . '.' . $name, $path ) );
					unset( $value[ $name ] );
					continue;
				}
				$child_spath = isset( $properties[ $name ] ) ? $spath . '.' . $name : $spath . '.*';
				$child_clean = self::clean( $child, $child_schema, $path . '.' . $name, $child_spath, $problems );
				if ( $child_clean['ok'] ) {
					$value[ $name ] = $child_clean['value'];
				} else {
					$problems += self::errors_under( $errors, $path . '.' . $name );
					unset( $value[ $name ] );
				}
			}
			// A required key missing or dropped takes its onInvalid (a switch that fails closed), else its default.
			foreach ( (array) ( $schema['required'] ?? array() ) as $name ) {
				$child_schema = $properties[ $name ] ?? array();
				if ( ! array_key_exists( $name, $value ) && array_key_exists( 'onInvalid', $child_schema ) ) {
					$value[ $name ] = $child_schema['onInvalid'];
				} elseif ( ! array_key_exists( $name, $value ) && array_key_exists( 'default', $child_schema ) ) {
					$value[ $name ] = $child_schema['default'];
				}
			}
			// Keys in the schema's order, a default put back included.
			$ordered = array();
			foreach ( array_keys( $properties ) as $name ) {
				if ( array_key_exists( $name, $value ) ) {
					$ordered[ $name ] = $value[ $name ];
				}
			}
			$value = $ordered + $value;
		} else {
			return array(
				'ok'    => false,
				'value' => null,
			);
		}

		$after = array();
		self::walk( $value, $schema, $path, $spath, array(), $after );
		return array(
			'ok'    => empty( $after ),
			'value' => $value,
		);
	}

	/**
	 * The errors at a path or below it.
	 *
	 * @param array<string, string> $errors All errors.
	 * @param string                $path   Path.
	 * @return array<string, string>
	 */
	private static function errors_under( array $errors, string $path ): array {
		$under = array();
		foreach ( $errors as $key => $message ) {
			$key = (string) $key;
			if ( $key === $path || 0 === strpos( $key, $path . '.' ) || 0 === strpos( $key, $path . '[' ) ) {
				$under[ $key ] = $message;
			}
		}
		return $under;
	}

	/**
	 * "colour is not a setting you can change."
	 *
	 * @param string $field Name received.
	 * @return string
	 */
	private static function not_a_setting( string $field ): string {
		/* translators: %s: settings field name. */
		return sprintf( __( '%s is not a setting you can change.', 'qualified-integration' ), self::safe_name( $field ) );
	}

	/**
	 * A path usable as an error key: the path itself when its last name is a
	 * plain identifier, else the parent's path (a hostile or 100 KB property
	 * name is not echoed as a key).
	 *
	 * @param string $path     Path.
	 * @param string $fallback Path to use instead ("" for "body").
	 * @return string
	 */
	private static function safe_path( string $path, string $fallback = '' ): string {
		$name = (string) preg_replace( '/\A.*[.\]]/s', '', $path );
		if ( 1 === preg_match( '/\A[A-Za-z0-9_-]{1,64}\z/D', $name ) ) {
			return $path;
		}
		return '' === $fallback ? 'body' : $fallback;
	}

	/**
	 * A property name fit to quote in a message.
	 *
	 * @param string $name Name received.
	 * @return string
	 */
	private static function safe_name( string $name ): string {
		return 1 === preg_match( '/\A[A-Za-z0-9_-]{1,64}\z/D', $name ) ? $name : __( '(a name with characters that are not allowed)', 'qualified-integration' );
	}
}
