<?php
/**
 * The Experiences part of the settings: condition types, actions, rules,
 * their validation and the read side.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\CheckedStamp;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;
use WP_REST_Request;

/**
 * Experiences schema tests.
 */
final class ExperiencesSchemaTest extends TestCase {

	const PAYLOAD = '</script><script>alert(1)</script>';

	/**
	 * Three valid rules: the contract's two and one with every other condition type.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private static function rules(): array {
		return array(
			array(
				'id'    => 'pricing',
				'label' => 'Pricing visitors from LinkedIn',
				'when'  => array(
					array(
						'type'  => 'path',
						'op'    => 'prefix',
						'value' => '/pricing',
					),
					array(
						'type'  => 'query',
						'key'   => 'utm_source',
						'op'    => 'equals',
						'value' => 'linkedin',
					),
				),
				'then'  => array(
					'action'         => 'showExperience',
					'experience'     => 'experience-1234',
					'startCollapsed' => false,
				),
			),
			array(
				'id'   => 'careers',
				'when' => array(
					array(
						'type'  => 'path',
						'op'    => 'prefix',
						'value' => '/careers',
					),
				),
				'then' => array( 'action' => 'hide' ),
			),
			array(
				'id'           => 'every-type_3',
				'label'        => 'All of it',
				'enabled'      => false,
				'oncePerVisit' => true,
				'when'         => array(
					array(
						'type'  => 'referrer',
						'op'    => 'regex',
						'value' => '^https://(www\.)?linkedin\.com/',
					),
					array(
						'type'  => 'device',
						'value' => 'mobile',
					),
					array(
						'type'    => 'time_on_page',
						'seconds' => 30,
					),
					array(
						'type'    => 'scroll',
						'percent' => 50,
					),
					array(
						'type' => 'schedule',
						'days' => array( 'mon', 'tue', 'fri' ),
						'from' => '22:00',
						'to'   => '06:30',
					),
					array(
						'type'   => 'post_type',
						'values' => array( 'page', 'post' ),
					),
					array(
						'type' => 'post',
						'ids'  => array( 12, 7 ),
					),
					array(
						'type'     => 'term',
						'taxonomy' => 'category',
						'slugs'    => array( 'news', 'caf%c3%a9' ),
					),
					array(
						'type'  => 'logged_in',
						'value' => true,
					),
					array(
						'type'  => 'role',
						'roles' => array( 'editor', 'subscriber' ),
					),
					array(
						'type'  => 'path',
						'op'    => 'glob',
						'value' => '/blog/*/?',
					),
					array(
						'type'  => 'query',
						'key'   => 'q',
						'op'    => 'contains',
						'value' => '',
					),
				),
				'then'         => array(
					'action' => 'identify',
					'fields' => array(
						'lead_source' => 'LinkedIn',
						'Plan_2'      => 'Pro',
					),
				),
			),
		);
	}

	/**
	 * Errors of a list of rules, as validate_changes() reports them.
	 *
	 * @param mixed $rules Rules.
	 * @return array<string, string>
	 */
	private static function errors( $rules ): array {
		$result = Validator::validate_changes(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => $rules,
				),
			)
		);
		return true === $result ? array() : $result->get_error_data()['params'];
	}

	public function test_the_conditions_file_is_the_one_list_of_condition_types(): void {
		$conditions = Schema::conditions();
		$this->assertSame(
			array(
				'path'         => array( 'browser', false, array( 'op', 'value' ) ),
				'query'        => array( 'browser', false, array( 'key', 'op', 'value' ) ),
				'referrer'     => array( 'browser', false, array( 'op', 'value' ) ),
				'device'       => array( 'browser', false, array( 'value' ) ),
				'time_on_page' => array( 'browser', true, array( 'seconds' ) ),
				'scroll'       => array( 'browser', true, array( 'percent' ) ),
				'schedule'     => array( 'browser', false, array( 'days', 'from', 'to' ) ),
				'post_type'    => array( 'page', false, array( 'values' ) ),
				'post'         => array( 'page', false, array( 'ids' ) ),
				'term'         => array( 'page', false, array( 'taxonomy', 'slugs' ) ),
				'logged_in'    => array( 'page', false, array( 'value' ) ),
				'role'         => array( 'page', false, array( 'roles' ) ),
			),
			array_map(
				static function ( array $condition ): array {
					return array( $condition['where'], ! empty( $condition['timed'] ), $condition['keys'] );
				},
				$conditions
			)
		);
		$this->assertSame( array( 'time_on_page', 'scroll' ), Schema::timed_condition_types() );

		$condition_schema = Schema::properties()['experiences']['properties']['rules']['items']['properties']['when']['items'];
		$this->assertSame( array_keys( $conditions ), $condition_schema['properties']['type']['enum'], 'The type enum comes from the file.' );
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$raw = json_decode( (string) file_get_contents( QUALIFIED_INTEGRATION_DIR . 'includes/Settings/settings-schema.json' ), true );
		$this->assertArrayNotHasKey( 'enum', $raw['properties']['experiences']['properties']['rules']['items']['properties']['when']['items']['properties']['type'], 'No second copy of the types.' );
		$this->assertArrayNotHasKey( 'enum', $raw['properties']['experiences']['properties']['rules']['items']['properties']['then']['properties']['action'], 'No second copy of the actions.' );

		// Every key a type names has a schema; nothing in the shared schema is unused.
		$used = array( 'type' );
		foreach ( $conditions as $type => $condition ) {
			foreach ( $condition['keys'] as $key ) {
				$this->assertTrue( isset( $condition['keySchemas'][ $key ] ) || isset( $condition_schema['properties'][ $key ] ), "$type.$key" );
				$used[] = $key;
			}
			$this->assertSame( array(), array_diff( array_keys( $condition['keySchemas'] ?? array() ), $condition['keys'] ), $type );
			$this->assertSame( array_merge( array( 'type' ), $condition['keys'] ), Schema::condition_schema( array( 'type' => $type ) )['required'], $type );
		}
		$this->assertEqualsCanonicalizing( array_keys( $condition_schema['properties'] ), array_unique( $used ) );
	}

	public function test_the_actions_file_lists_the_actions_and_their_keys(): void {
		$this->assertSame( array( 'showExperience', 'open', 'hide', 'identify', 'load' ), array_keys( Schema::actions() ) );
		$then = Schema::properties()['experiences']['properties']['rules']['items']['properties']['then'];
		$this->assertSame( array_keys( Schema::actions() ), $then['properties']['action']['enum'] );
		$this->assertSame( array( 'action', 'experience', 'startCollapsed' ), array_keys( Schema::action_schema( array( 'action' => 'showExperience' ) )['properties'] ) );
		$this->assertSame( array( 'action', 'experience' ), Schema::action_schema( array( 'action' => 'showExperience' ) )['required'] );
		$this->assertSame( array( 'action' ), array_keys( Schema::action_schema( array( 'action' => 'hide' ) )['properties'] ) );
		$this->assertSame( array( 'action', 'fields' ), Schema::action_schema( array( 'action' => 'identify' ) )['required'] );
		$this->assertSame( array( 'action' ), array_keys( Schema::action_schema( array( 'action' => 'load' ) )['properties'] ), 'load takes no keys.' );
	}

	public function test_defaults_are_off_and_empty(): void {
		$this->assertSame(
			array(
				'spa'   => false,
				'rules' => array(),
			),
			Schema::defaults()['experiences']
		);
		$this->assertSame(
			array(
				'spa'   => false,
				'rules' => array(),
			),
			Plugin::instance()->settings->get()['experiences']
		);
	}

	public function test_valid_rules_are_accepted_and_stored_as_sent(): void {
		$this->assertSame( array(), self::errors( self::rules() ) );
		$experiences = array(
			'spa'   => true,
			'rules' => self::rules(),
		);
		$settings    = Plugin::instance()->settings->update( array( 'experiences' => $experiences ) );
		$this->assertIsArray( $settings );
		$this->assertSame( $experiences, $settings['experiences'] );
		$this->assertSame( $experiences, Plugin::instance()->settings->stored()['experiences'] );
		$this->assertSame( array(), Plugin::instance()->settings->problems() );
	}

	/**
	 * Bad conditions: the replacement for rule 3's second condition, the path and the message expected.
	 *
	 * @return array<string, array{mixed, string, string}>
	 */
	public function data_bad_conditions(): array {
		$p = 'experiences.rules[2].when[1]';
		$l = 'Rule 3, Condition 2';
		return array(
			'not an object'        => array( 'path', $p, "$l: must be an object." ),
			'null'                 => array( null, $p, "$l: must be an object, not null." ),
			'unknown type'         => array( array( 'type' => 'weather', 'value' => 'sunny' ), "$p.type", "$l, Type: choose one of the listed options." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'type missing'         => array( array( 'op' => 'equals', 'value' => '/x' ), "$p.type", "$l, Type: required." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'type null'            => array( array( 'type' => null ), "$p.type", "$l, Type: must be text, not null." ),
			'key of another type'  => array( self::c( 'path', array( 'op' => 'equals', 'value' => '/', 'seconds' => 5 ) ), "$p.seconds", "$l: seconds is not allowed here." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'unknown key'          => array( self::c( 'device', array( 'value' => 'mobile', 'colour' => 'red' ) ), "$p.colour", "$l: colour is not allowed here." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'hostile key name'     => array( self::c( 'device', array( 'value' => 'mobile', self::PAYLOAD => 1 ) ), $p, "$l: (a name with characters that are not allowed) is not allowed here." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'op missing'           => array( self::c( 'path', array( 'value' => '/' ) ), "$p.op", "$l, Match: required." ),
			'op unknown'           => array( self::c( 'path', array( 'op' => 'startsWith', 'value' => '/' ) ), "$p.op", "$l, Match: use one of: equals, prefix, contains, glob, regex." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'op null'              => array( self::c( 'referrer', array( 'op' => null, 'value' => 'x' ) ), "$p.op", "$l, Match: must be text, not null." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'value missing'        => array( self::c( 'referrer', array( 'op' => 'contains' ) ), "$p.value", "$l, Value: required." ),
			'value 201 characters' => array( self::c( 'path', array( 'op' => 'equals', 'value' => str_repeat( 'x', 201 ) ) ), "$p.value", "$l, Value: use at most 200 characters." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'value of 100 KB'      => array( self::c( 'path', array( 'op' => 'equals', 'value' => str_repeat( 'x', 102400 ) ) ), "$p.value", "$l, Value: use at most 200 characters." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'value with a newline' => array( self::c( 'path', array( 'op' => 'equals', 'value' => "/a\n" ) ), "$p.value", "$l, Value: must not contain line breaks or other control characters." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'value null'           => array( self::c( 'path', array( 'op' => 'equals', 'value' => null ) ), "$p.value", "$l, Value: must be text, not null." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'value a number'       => array( self::c( 'path', array( 'op' => 'equals', 'value' => 5 ) ), "$p.value", "$l, Value: must be text." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'regex empty'          => array( self::c( 'path', array( 'op' => 'regex', 'value' => '' ) ), "$p.value", "$l, Value: must not be empty." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'regex catastrophic'   => array( self::c( 'path', array( 'op' => 'regex', 'value' => '(a+)+$' ) ), "$p.value", "$l, Value: a repeated group cannot hold another quantifier" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'regex not compiling'  => array( self::c( 'query', array( 'key' => 'q', 'op' => 'regex', 'value' => '(abc' ) ), "$p.value", "$l, Value: this is not a valid regular expression." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'query key missing'    => array( self::c( 'query', array( 'op' => 'equals', 'value' => 'x' ) ), "$p.key", "$l, Parameter: required." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'query key empty'      => array( self::c( 'query', array( 'key' => '', 'op' => 'equals', 'value' => 'x' ) ), "$p.key", "$l, Parameter: must not be empty." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'device tablet'        => array( self::c( 'device', array( 'value' => 'tablet' ) ), "$p.value", "$l, Value: use one of: mobile, desktop." ),
			'device with op'       => array( self::c( 'device', array( 'op' => 'equals', 'value' => 'mobile' ) ), "$p.op", "$l: op is not allowed here." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'seconds 0'            => array( self::c( 'time_on_page', array( 'seconds' => 0 ) ), "$p.seconds", "$l, Seconds: must be at least 1." ),
			'seconds 86401'        => array( self::c( 'time_on_page', array( 'seconds' => 86401 ) ), "$p.seconds", "$l, Seconds: must be at most 86400." ),
			'seconds "30"'         => array( self::c( 'time_on_page', array( 'seconds' => '30' ) ), "$p.seconds", "$l, Seconds: must be a whole number." ),
			'seconds 1.5'          => array( self::c( 'time_on_page', array( 'seconds' => 1.5 ) ), "$p.seconds", "$l, Seconds: must be a whole number." ),
			'percent 101'          => array( self::c( 'scroll', array( 'percent' => 101 ) ), "$p.percent", "$l, Percent scrolled: must be at most 100." ),
			'percent missing'      => array( self::c( 'scroll', array() ), "$p.percent", "$l, Percent scrolled: required." ),
			'days empty'           => array( self::c( 'schedule', array( 'days' => array(), 'from' => '09:00', 'to' => '17:00' ) ), "$p.days", "$l, Days: choose at least one." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'days repeated'        => array( self::c( 'schedule', array( 'days' => array( 'mon', 'mon' ), 'from' => '09:00', 'to' => '17:00' ) ), "$p.days[1]", "$l, Days: mon is listed twice." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'day unknown'          => array( self::c( 'schedule', array( 'days' => array( 'monday' ), 'from' => '09:00', 'to' => '17:00' ) ), "$p.days[0]", "$l, Days: choose one of the listed options." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'days not a list'      => array( self::c( 'schedule', array( 'days' => 'mon', 'from' => '09:00', 'to' => '17:00' ) ), "$p.days", "$l, Days: must be a list." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'from 9:00'            => array( self::c( 'schedule', array( 'days' => array( 'mon' ), 'from' => '9:00', 'to' => '17:00' ) ), "$p.from", "$l, From: use a 24-hour time such as 09:00 or 17:30." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'to 24:00'             => array( self::c( 'schedule', array( 'days' => array( 'mon' ), 'from' => '09:00', 'to' => '24:00' ) ), "$p.to", "$l, To: use a 24-hour time" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'to 17:60'             => array( self::c( 'schedule', array( 'days' => array( 'mon' ), 'from' => '09:00', 'to' => '17:60' ) ), "$p.to", "$l, To: use a 24-hour time" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'from with a newline'  => array( self::c( 'schedule', array( 'days' => array( 'mon' ), 'from' => "09:00\n", 'to' => '17:00' ) ), "$p.from", "$l, From: use a 24-hour time" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'from equals to'       => array( self::c( 'schedule', array( 'days' => array( 'mon' ), 'from' => '09:00', 'to' => '09:00' ) ), "$p.to", "$l, To: must differ from the start time" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'to missing'           => array( self::c( 'schedule', array( 'days' => array( 'mon' ), 'from' => '09:00' ) ), "$p.to", "$l, To: required." ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'post types empty'     => array( self::c( 'post_type', array( 'values' => array() ) ), "$p.values", "$l, Post types: choose at least one." ),
			'post type bad slug'   => array( self::c( 'post_type', array( 'values' => array( 'page', 'Page!' ) ) ), "$p.values[1]", "$l, Post types: use a post type slug" ),
			'post id 0'            => array( self::c( 'post', array( 'ids' => array( 0 ) ) ), "$p.ids[0]", "$l, Posts: must be at least 1." ),
			'post id "12"'         => array( self::c( 'post', array( 'ids' => array( 3, '12' ) ) ), "$p.ids[1]", "$l, Posts: must be a whole number." ),
			'post ids empty'       => array( self::c( 'post', array( 'ids' => array() ) ), "$p.ids", "$l, Posts: choose at least one." ),
			'post ids an object'   => array( self::c( 'post', array( 'ids' => array( 'a' => 1 ) ) ), "$p.ids", "$l, Posts: must be a list." ),
			'term slugs missing'   => array( self::c( 'term', array( 'taxonomy' => 'category' ) ), "$p.slugs", "$l, Terms: required." ),
			'term taxonomy bad'    => array( self::c( 'term', array( 'taxonomy' => 'Bad Tax', 'slugs' => array( 'a' ) ) ), "$p.taxonomy", "$l, Taxonomy: use a taxonomy slug" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'term slug hostile'    => array( self::c( 'term', array( 'taxonomy' => 'category', 'slugs' => array( self::PAYLOAD ) ) ), "$p.slugs[0]", "$l, Terms: use a term slug" ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'logged_in "yes"'      => array( self::c( 'logged_in', array( 'value' => 'yes' ) ), "$p.value", "$l, Value: must be true or false." ),
			'logged_in null'       => array( self::c( 'logged_in', array( 'value' => null ) ), "$p.value", "$l, Value: must be true or false, not null." ),
			'roles hostile'        => array( self::c( 'role', array( 'roles' => array( self::PAYLOAD ) ) ), "$p.roles[0]", "$l, Roles: use a role slug" ),
			'roles empty'          => array( self::c( 'role', array( 'roles' => array() ) ), "$p.roles", "$l, Roles: choose at least one." ),
		);
	}

	/**
	 * A condition of a type.
	 *
	 * @param string               $type Type.
	 * @param array<string, mixed> $keys Other keys.
	 * @return array<string, mixed>
	 */
	private static function c( string $type, array $keys ): array {
		return array( 'type' => $type ) + $keys;
	}

	/**
	 * Each bad condition is refused at its path, with "Rule N, Condition M" and its key's label.
	 *
	 * @dataProvider data_bad_conditions
	 *
	 * @param mixed  $condition Condition.
	 * @param string $path      Expected path.
	 * @param string $message   Expected start of the message.
	 */
	public function test_bad_conditions_are_refused_at_their_path( $condition, string $path, string $message ): void {
		$rules               = self::rules();
		$rules[2]['when'][1] = $condition;
		$errors              = self::errors( $rules );
		$this->assertArrayHasKey( $path, $errors, (string) wp_json_encode( $errors ) );
		$this->assertStringStartsWith( $message, $errors[ $path ] );
		$this->assertSame( array( $path ), array_keys( $errors ), 'Only this error: the rest of the rules is valid.' );
		$this->assertStringNotContainsString( '<script>', (string) wp_json_encode( $errors ), 'Hostile input is not echoed.' );
	}

	/**
	 * Bad rules: a change to rule 3, the path and the message expected.
	 *
	 * @return array<string, array{callable, string, string}>
	 */
	public function data_bad_rules(): array {
		$p        = 'experiences.rules[2]';
		$fields21 = array();
		for ( $i = 0; $i < 21; $i++ ) {
			$fields21[ 'f' . $i ] = 'x';
		}
		$conditions21 = array_fill( 0, 21, self::c( 'device', array( 'value' => 'mobile' ) ) );
		$set          = static function ( string $key, $value ): callable {
			return static function ( array $rule ) use ( $key, $value ): array {
				$rule[ $key ] = $value;
				return $rule;
			};
		};
		$then         = static function ( $value ): callable {
			return static function ( array $rule ) use ( $value ): array {
				$rule['then'] = $value;
				return $rule;
			};
		};
		$unset        = static function ( string $key ): callable {
			return static function ( array $rule ) use ( $key ): array {
				unset( $rule[ $key ] );
				return $rule;
			};
		};
		return array(
			'id with a space'               => array( $set( 'id', 'Pricing page' ), "$p.id", 'Rule 3, ID: use 1 to 64 lowercase letters' ),
			'id 65 characters'              => array( $set( 'id', str_repeat( 'a', 65 ) ), "$p.id", 'Rule 3, ID: use 1 to 64' ),
			'id starting with -'            => array( $set( 'id', '-x' ), "$p.id", 'Rule 3, ID: use 1 to 64' ),
			'id with a final newline'       => array( $set( 'id', "abc\n" ), "$p.id", 'Rule 3, ID: use 1 to 64' ),
			'id hostile'                    => array( $set( 'id', self::PAYLOAD ), "$p.id", 'Rule 3, ID: use 1 to 64' ),
			'id missing'                    => array( $unset( 'id' ), "$p.id", 'Rule 3, ID: required.' ),
			'id repeated'                   => array( $set( 'id', 'pricing' ), "$p.id", 'Rule 3, ID: pricing is already the ID of rule 1.' ),
			'label 201 characters'          => array( $set( 'label', str_repeat( 'é', 201 ) ), "$p.label", 'Rule 3, Label: use at most 200 characters.' ),
			'label null'                    => array( $set( 'label', null ), "$p.label", 'Rule 3, Label: must be text, not null.' ),
			'enabled "yes"'                 => array( $set( 'enabled', 'yes' ), "$p.enabled", 'Rule 3, Enabled: must be true or false.' ),
			'oncePerVisit 1'                => array( $set( 'oncePerVisit', 1 ), "$p.oncePerVisit", 'Rule 3, Once per visit: must be true or false.' ),
			'when missing'                  => array( $unset( 'when' ), "$p.when", 'Rule 3, Conditions: required.' ),
			'when an object'                => array( $set( 'when', array( 'type' => 'device' ) ), "$p.when", 'Rule 3, Conditions: must be a list.' ),
			'21 conditions'                 => array( $set( 'when', $conditions21 ), "$p.when", 'Rule 3, Conditions: at most 20 entries.' ),
			'unknown rule key'              => array( $set( 'priority', 1 ), "$p.priority", 'Rule 3: priority is not allowed here.' ),
			'then missing'                  => array( $unset( 'then' ), "$p.then", 'Rule 3, Action: required.' ),
			'then a string'                 => array( $then( 'open' ), "$p.then", 'Rule 3, Action: must be an object.' ),
			'action unknown'                => array( $then( array( 'action' => 'chat' ) ), "$p.then.action", 'Rule 3, Action: use one of: showExperience, open, hide, identify, load.' ),
			'action missing'                => array( $then( array( 'experience' => 'experience-1' ) ), "$p.then.action", 'Rule 3, Action: required.' ),
			'experience missing'            => array( $then( array( 'action' => 'showExperience' ) ), "$p.then.experience", 'Rule 3, Experience: required.' ),
			'experience a name'             => array( $then( array( 'action' => 'showExperience', 'experience' => 'Pricing' ) ), "$p.then.experience", 'Rule 3, Experience: use the Experience\'s API name: "experience-" followed by digits' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'experience without digits'     => array( $then( array( 'action' => 'showExperience', 'experience' => 'experience-' ) ), "$p.then.experience", 'Rule 3, Experience: use the' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'experience 21 digits'          => array( $then( array( 'action' => 'showExperience', 'experience' => 'experience-' . str_repeat( '1', 21 ) ) ), "$p.then.experience", 'Rule 3, Experience: use the' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'experience final newline'      => array( $then( array( 'action' => 'showExperience', 'experience' => "experience-1\n" ) ), "$p.then.experience", 'Rule 3, Experience: use the' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'experience hostile'            => array( $then( array( 'action' => 'showExperience', 'experience' => 'experience-1' . self::PAYLOAD ) ), "$p.then.experience", 'Rule 3, Experience: use the' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'startCollapsed "no"'           => array( $then( array( 'action' => 'showExperience', 'experience' => 'experience-1', 'startCollapsed' => 'no' ) ), "$p.then.startCollapsed", 'Rule 3, Start collapsed: must be true or false.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'open with an experience'       => array( $then( array( 'action' => 'open', 'experience' => 'experience-1' ) ), "$p.then.experience", 'Rule 3, Action: experience is not allowed here.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'hide with startCollapsed'      => array(
				static function ( array $rule ): array {
					$rule['when'] = array();
					$rule['then'] = array(
						'action'         => 'hide',
						'startCollapsed' => true,
					);
					return $rule;
				},
				"$p.then.startCollapsed",
				'Rule 3, Action: startCollapsed is not allowed here.',
			),
			'identify without fields'       => array( $then( array( 'action' => 'identify' ) ), "$p.then.fields", 'Rule 3, Fields to send: required.' ),
			'identify with no field'        => array( $then( array( 'action' => 'identify', 'fields' => array() ) ), "$p.then.fields", 'Rule 3, Fields to send: add at least one.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify with 21 fields'       => array( $then( array( 'action' => 'identify', 'fields' => $fields21 ) ), "$p.then.fields", 'Rule 3, Fields to send: at most 20 entries.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify fields a list'        => array( $then( array( 'action' => 'identify', 'fields' => array( 'a', 'b' ) ) ), "$p.then.fields", 'Rule 3, Fields to send: must be an object.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify field name bad'       => array( $then( array( 'action' => 'identify', 'fields' => array( '1plan' => 'x' ) ) ), "$p.then.fields.1plan", 'Rule 3, Fields to send, 1plan: use a Qualified field API name' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify field name hostile'   => array( $then( array( 'action' => 'identify', 'fields' => array( self::PAYLOAD => 'x' ) ) ), "$p.then.fields", 'Rule 3, Fields to send, (a name with characters that are not allowed): use a Qualified field API name' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify field name 101 chars' => array( $then( array( 'action' => 'identify', 'fields' => array( 'a' . str_repeat( 'b', 100 ) => 'x' ) ) ), "$p.then.fields", 'Rule 3, Fields to send, (a name with characters that are not allowed): use at most 100 characters.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify value empty'          => array( $then( array( 'action' => 'identify', 'fields' => array( 'plan' => '' ) ) ), "$p.then.fields.plan", 'Rule 3, Fields to send: must not be empty.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify value 256 chars'      => array( $then( array( 'action' => 'identify', 'fields' => array( 'plan' => str_repeat( 'x', 256 ) ) ) ), "$p.then.fields.plan", 'Rule 3, Fields to send: use at most 255 characters.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify value a number'       => array( $then( array( 'action' => 'identify', 'fields' => array( 'plan' => 5 ) ) ), "$p.then.fields.plan", 'Rule 3, Fields to send: must be text.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'identify value newline'        => array( $then( array( 'action' => 'identify', 'fields' => array( 'plan' => "a\nb" ) ) ), "$p.then.fields.plan", 'Rule 3, Fields to send: must not contain line breaks' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'rule not an object'            => array(
				static function (): string {
					return 'pricing';
				},
				$p,
				'Rule 3: must be an object.',
			),
		);
	}

	/**
	 * Each bad rule is refused at its path with "Rule N" and its field's label.
	 *
	 * @dataProvider data_bad_rules
	 *
	 * @param callable $change  Changes rule 3.
	 * @param string   $path    Expected path.
	 * @param string   $message Expected start of the message.
	 */
	public function test_bad_rules_are_refused_at_their_path( callable $change, string $path, string $message ): void {
		$rules    = self::rules();
		$rules[2] = $change( $rules[2] );
		$errors   = self::errors( $rules );
		$this->assertArrayHasKey( $path, $errors, (string) wp_json_encode( $errors ) );
		$this->assertStringStartsWith( $message, $errors[ $path ] );
		$this->assertSame( array( $path ), array_keys( $errors ), 'Only this error.' );
		$this->assertStringNotContainsString( '<script>', (string) wp_json_encode( $errors ), 'Hostile input is not echoed.' );
	}

	public function test_a_hide_rule_refuses_timed_conditions(): void {
		$rules              = self::rules();
		$rules[1]['when'][] = self::c( 'time_on_page', array( 'seconds' => 5 ) );
		$rules[1]['when'][] = self::c( 'device', array( 'value' => 'mobile' ) );
		$rules[1]['when'][] = self::c( 'scroll', array( 'percent' => 10 ) );
		$this->assertSame(
			array(
				'experiences.rules[1].when[1].type' => 'Rule 2, Condition 2, Type: a rule that hides Qualified cannot wait for time on page or scroll (the messenger would already be on screen).',
				'experiences.rules[1].when[3].type' => 'Rule 2, Condition 4, Type: a rule that hides Qualified cannot wait for time on page or scroll (the messenger would already be on screen).',
			),
			self::errors( $rules )
		);

		// The same conditions on a showExperience or open rule are fine.
		foreach ( array( array( 'action' => 'open' ), $rules[0]['then'] ) as $then ) {
			$rules[1]['then'] = $then;
			$this->assertSame( array(), self::errors( $rules ) );
		}
	}

	public function test_at_most_200_rules(): void {
		$rules = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$rules[] = array(
				'id'   => 'rule-' . $i,
				'when' => array( self::c( 'path', array( 'op' => 'prefix', 'value' => '/p' . $i ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
				'then' => array( 'action' => 'open' ),
			);
		}
		$this->assertSame( array(), self::errors( $rules ) );
		$rules[] = array(
			'id'   => 'rule-200',
			'when' => array(),
			'then' => array( 'action' => 'open' ),
		);
		$this->assertSame( array( 'experiences.rules' => 'Experience rules: at most 200 entries.' ), self::errors( $rules ) );
	}

	public function test_twenty_conditions_are_allowed(): void {
		$rules            = self::rules();
		$rules[0]['when'] = array_fill( 0, 20, self::c( 'device', array( 'value' => 'desktop' ) ) );
		$this->assertSame( array(), self::errors( $rules ) );
	}

	/**
	 * Bad values of the experiences object itself.
	 *
	 * @return array<string, array{mixed, string, string}>
	 */
	public function data_bad_experiences(): array {
		return array(
			'null'          => array( null, 'experiences', 'Experiences: must be an object, not null.' ),
			'a list'        => array( array( 1 ), 'experiences', 'Experiences: must be an object.' ),
			'spa "yes"'     => array( array( 'spa' => 'yes', 'rules' => array() ), 'experiences.spa', 'Single-page navigation: must be true or false.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'spa missing'   => array( array( 'rules' => array() ), 'experiences.spa', 'Single-page navigation: required.' ),
			'rules missing' => array( array( 'spa' => true ), 'experiences.rules', 'Experience rules: required.' ),
			'rules null'    => array( array( 'spa' => true, 'rules' => null ), 'experiences.rules', 'Experience rules: must be a list, not null.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'unknown key'   => array( array( 'spa' => true, 'rules' => array(), 'mode' => 'x' ), 'experiences.mode', 'Experiences: mode is not allowed here.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
		);
	}

	/**
	 * The experiences object is checked like the other fields.
	 *
	 * @dataProvider data_bad_experiences
	 *
	 * @param mixed  $value   Value of `experiences`.
	 * @param string $path    Expected path.
	 * @param string $message Expected message.
	 */
	public function test_bad_experiences_objects_are_refused( $value, string $path, string $message ): void {
		$result = Validator::validate_changes( array( 'experiences' => $value ) );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( array( $path => $message ), $result->get_error_data()['params'] );
	}

	public function test_every_bad_rule_and_condition_is_reported(): void {
		$rules                        = self::rules();
		$rules[0]['id']               = 'Bad Id';
		$rules[0]['when'][1]['op']    = 'like';
		$rules[1]['then']             = array( 'action' => 'showExperience' );
		$rules[2]['when'][0]['value'] = '(a|aa)*';
		$rules[2]['when'][4]['days']  = array( 'sun', 'sun' );
		$rules[2]['then']['fields']   = array( 'ok' => '' );
		$errors                       = self::errors( $rules );
		$this->assertSame(
			array(
				'experiences.rules[0].id'              => 'Rule 1, ID',
				'experiences.rules[0].when[1].op'      => 'Rule 1, Condition 2, Match',
				'experiences.rules[1].then.experience' => 'Rule 2, Experience',
				'experiences.rules[2].when[0].value'   => 'Rule 3, Condition 1, Value',
				'experiences.rules[2].when[4].days[1]' => 'Rule 3, Condition 5, Days',
				'experiences.rules[2].then.fields.ok'  => 'Rule 3, Fields to send',
			),
			array_map(
				static function ( string $message ): string {
					return (string) strstr( $message, ':', true );
				},
				$errors
			)
		);
	}

	public function test_rule_errors_validates_a_list_on_its_own_under_another_path(): void {
		$this->assertSame( array(), Validator::rule_errors( self::rules() ) );
		$rules                        = self::rules();
		$rules[1]['when'][0]['value'] = "/careers\n";
		$this->assertSame(
			array( 'rules[1].when[0].value' => 'Rule 2, Condition 1, Value: must not contain line breaks or other control characters.' ),
			Validator::rule_errors( $rules, 'rules' )
		);
		$this->assertSame( array( 'rules' => 'Experience rules: must be a list, not null.' ), Validator::rule_errors( null, 'rules' ) );
	}

	public function test_clean_rules_drops_each_bad_rule_alone(): void {
		$rules   = self::rules();
		$rules[] = array(
			'id'   => 'pricing',
			'when' => array(),
			'then' => array( 'action' => 'open' ),
		);
		array_splice( $rules, 1, 0, array( array( 'id' => 'broken' ) ) );

		list( $kept, $problems ) = Validator::clean_rules( $rules );

		$this->assertSame( array( 'pricing', 'careers', 'every-type_3' ), array_column( $kept, 'id' ) );
		$this->assertSame( self::rules(), $kept );
		$this->assertEqualsCanonicalizing( array( 'experiences.rules[1].when', 'experiences.rules[1].then', 'experiences.rules[4].id' ), array_keys( $problems ) );
		$this->assertSame( array( array(), array( 'experiences.rules' => 'Experience rules: must be a list.' ) ), Validator::clean_rules( 'x' ) );
	}

	public function test_a_stored_option_with_a_malformed_rule_keeps_the_good_one_and_reports_the_other(): void {
		$good = self::rules()[0];
		$this->store_raw_settings(
			array(
				'schemaVersion' => 3,
				'enabled'       => true,
				'token'         => 'Tok1',
				'experiences'   => array(
					'spa'   => true,
					'rules' => array(
						array(
							'id'   => 'from-an-old-export',
							'when' => array(
								array(
									'type'  => 'path',
									'op'    => 'matches',
									'value' => '(a+)+',
								),
							),
							'then' => array( 'action' => 'showExperience' ),
						),
						$good,
					),
				),
			)
		);

		$settings = Plugin::instance()->settings->get();
		$this->assertSame(
			array(
				'spa'   => true,
				'rules' => array( $good ),
			),
			$settings['experiences']
		);
		$this->assertSame( 'Tok1', $settings['token'] );
		$problems = Plugin::instance()->settings->problems();
		$this->assertSame( array( 'experiences.rules[0].when[0].op', 'experiences.rules[0].then.experience' ), array_keys( $problems ) );
		$this->assertStringStartsWith( 'Rule 1, Condition 1, Match:', $problems['experiences.rules[0].when[0].op'] );

		// The admin gets the same through REST, with a 200.
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/qualified-integration/v1/settings' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( $good ), $response->get_data()['settings']['experiences']['rules'] );
		$this->assertSame( array_keys( $problems ), array_column( $response->get_data()['problems'], 'field' ) );

		// A page view still works and the next unrelated save keeps the good rule.
		$this->assertIsString( $this->render_head() );
		$this->assertIsArray( Plugin::instance()->settings->update( array( 'token' => 'Tok2' ) ) );
		$this->assertSame( array( $good ), get_option( SettingsRepository::OPTION )['experiences']['rules'] );
	}

	/**
	 * Stored experiences that are broken in other ways, and what is read.
	 *
	 * @return array<string, array{mixed, array<string, mixed>}>
	 */
	public function data_broken_stored_experiences(): array {
		$good  = self::rules()[1];
		$empty = array(
			'spa'   => false,
			'rules' => array(),
		);
		return array(
			'a string'            => array( 'on', $empty ),
			'null'                => array( null, $empty ),
			'rules not a list'    => array( array( 'spa' => true, 'rules' => 'x' ), array( 'spa' => true, 'rules' => array() ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'spa not a boolean'   => array( array( 'spa' => 'yes', 'rules' => array( $good ) ), array( 'spa' => false, 'rules' => array( $good ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'a rule a string'     => array( array( 'spa' => false, 'rules' => array( 'x', $good, 7, null ) ), array( 'spa' => false, 'rules' => array( $good ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'duplicate ids'       => array( array( 'spa' => false, 'rules' => array( $good, $good ) ), array( 'spa' => false, 'rules' => array( $good ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'unknown condition'   => array(
				array(
					'spa'   => false,
					'rules' => array(
						array(
							'id'   => 'gone',
							'when' => array( array( 'type' => 'weather' ) ),
							'then' => array( 'action' => 'open' ),
						),
						$good,
					),
				),
				array(
					'spa'   => false,
					'rules' => array( $good ),
				),
			),
			'extra top-level key' => array( array( 'spa' => false, 'rules' => array( $good ), 'old' => 1 ), array( 'spa' => false, 'rules' => array( $good ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
		);
	}

	/**
	 * Broken stored experiences never break a read: the valid part is kept.
	 *
	 * @dataProvider data_broken_stored_experiences
	 *
	 * @param mixed                $stored   Stored `experiences`.
	 * @param array<string, mixed> $expected Read value.
	 */
	public function test_broken_stored_experiences_keep_what_is_valid( $stored, array $expected ): void {
		$this->store_raw_settings(
			array(
				'schemaVersion' => 3,
				'token'         => 'Tok1',
				'experiences'   => $stored,
			)
		);
		$this->assertSame( $expected, Plugin::instance()->settings->get()['experiences'] );
		$this->assertNotSame( array(), Plugin::instance()->settings->problems() );
		$this->assertSame( 'Tok1', Plugin::instance()->settings->get()['token'] );
	}

	public function test_a_stamped_value_is_read_as_stored_and_a_changed_one_is_validated_again(): void {
		$experiences = array(
			'spa'   => false,
			'rules' => self::rules(),
		);
		Plugin::instance()->settings->update( array( 'experiences' => $experiences ) );
		$raw = get_option( SettingsRepository::OPTION );
		$this->assertSame( array( 'identity', 'experiences' ), array_keys( $raw[ CheckedStamp::KEY ] ) );
		$this->assertTrue( CheckedStamp::is_checked( $raw, 'experiences' ) );
		$this->assertTrue( CheckedStamp::is_checked( $raw, 'identity' ) );
		$this->assertFalse( CheckedStamp::is_checked( $raw, 'excludeRoles' ), 'Roles depend on the site: always checked on read.' );
		$this->assertArrayNotHasKey( CheckedStamp::KEY, Plugin::instance()->settings->get(), 'The stamp is not a setting.' );
		$this->assertSame( $experiences, Plugin::instance()->settings->get()['experiences'] );

		// The value changed behind the sanitizer's back, the old stamp kept: validated in full.
		$bad                                = array(
			'id'   => 'late',
			'when' => array( self::c( 'path', array( 'op' => 'regex', 'value' => '(a+)+' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'then' => array( 'action' => 'open' ),
		);
		$tampered                           = $raw;
		$tampered['experiences']['rules'][] = $bad;
		$this->assertFalse( CheckedStamp::is_checked( $tampered, 'experiences' ) );
		$this->store_raw_settings( $tampered );
		$this->assertSame( $experiences, Plugin::instance()->settings->get()['experiences'] );
		$this->assertSame( array( 'experiences.rules[3].when[0].value' ), array_keys( Plugin::instance()->settings->problems() ) );

		// A forged stamp does not help.
		$tampered[ CheckedStamp::KEY ]['experiences'] = md5( 'forged' );
		$this->assertFalse( CheckedStamp::is_checked( $tampered, 'experiences' ) );
		$tampered[ CheckedStamp::KEY ] = 'not an array';
		$this->assertFalse( CheckedStamp::is_checked( $tampered, 'experiences' ) );
	}

	public function test_reading_200_stamped_rules_skips_the_full_validation(): void {
		$rules = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$rules[] = array(
				'id'    => 'rule-' . $i,
				'label' => 'Rule ' . $i,
				'when'  => array(
					self::c( 'path', array( 'op' => 'regex', 'value' => '^/p' . $i . '(/|$)' ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
					self::c( 'query', array( 'key' => 'utm_source', 'op' => 'equals', 'value' => 'linkedin' ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
					self::c( 'post_type', array( 'values' => array( 'page', 'post' ) ) ),
				),
				'then'  => array(
					'action'     => 'showExperience',
					'experience' => 'experience-' . $i,
				),
			);
		}
		$this->assertIsArray( Plugin::instance()->settings->update( array( 'experiences' => array( 'spa' => false, 'rules' => $rules ) ) ) ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
		$stamped   = get_option( SettingsRepository::OPTION );
		$unstamped = $stamped;
		unset( $unstamped[ CheckedStamp::KEY ] );

		$time = static function ( array $raw ): float {
			$best = INF;
			for ( $run = 0; $run < 3; $run++ ) {
				$start = microtime( true );
				Plugin::instance()->settings->sanitize( $raw );
				$best = min( $best, microtime( true ) - $start );
			}
			return $best;
		};
		$this->assertSame( Plugin::instance()->settings->sanitize( $unstamped ), Plugin::instance()->settings->sanitize( $stamped ) );
		$full = $time( $unstamped );
		$fast = $time( $stamped );
		$this->assertLessThan( $full / 4, $fast, sprintf( 'stamped %.2f ms, full %.2f ms', $fast * 1000, $full * 1000 ) );
	}

	public function test_more_than_200_stored_rules_keep_the_first_200(): void {
		$rules = array();
		for ( $i = 0; $i < 203; $i++ ) {
			$rules[] = array(
				'id'   => 'r' . $i,
				'when' => array(),
				'then' => array( 'action' => 'open' ),
			);
		}
		$this->store_raw_settings(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => $rules,
				),
			)
		);
		$kept = Plugin::instance()->settings->get()['experiences']['rules'];
		$this->assertCount( 200, $kept );
		$this->assertSame( 'r199', $kept[199]['id'] );
		$this->assertArrayHasKey( 'experiences.rules', Plugin::instance()->settings->problems() );
	}

	public function test_hostile_labels_values_and_fields_are_stored_as_sent_and_encode_inertly(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$hostile     = array(
			array(
				'id'    => 'hostile',
				'label' => self::PAYLOAD . "it's \"quoted\" & <b>\u{2028}\u{2029}\n",
				'when'  => array(
					self::c( 'path', array( 'op' => 'equals', 'value' => self::PAYLOAD ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
					self::c( 'query', array( 'key' => self::PAYLOAD, 'op' => 'contains', 'value' => "'\"&\u{2028}" ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
					self::c( 'referrer', array( 'op' => 'regex', 'value' => '<\/script><script>' ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
					self::c( 'path', array( 'op' => 'glob', 'value' => '*</script>?' ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
				),
				'then'  => array(
					'action' => 'identify',
					'fields' => array(
						'note'  => self::PAYLOAD,
						'quote' => "it's \"q\" & \u{2028}",
					),
				),
			),
		);
		$experiences = array(
			'spa'   => false,
			'rules' => $hostile,
		);

		$request = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'experiences' => $experiences ) ) );
		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( $experiences, $response->get_data()['settings']['experiences'] );
		$this->assertSame( $experiences, Plugin::instance()->settings->get()['experiences'], 'Stored as sent, not mangled.' );

		// What a script context gets (others print it; this is the flags' contract).
		$json = (string) wp_json_encode( $experiences, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT );
		$this->assertStringNotContainsString( '<', $json );
		$this->assertStringNotContainsString( "\u{2028}", $json );
		$this->assertSame( $experiences, json_decode( $json, true ) );
	}

	/**
	 * The override constant locks the field like any other: REST writes are
	 * refused, the constant's valid rules are in force, its stale ones dropped.
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_the_experiences_constant_locks_the_field(): void {
		$stored = array(
			'spa'   => false,
			'rules' => array( self::rules()[1] ),
		);
		Plugin::instance()->settings->update( array( 'experiences' => $stored ) );
		define(
			'QUALIFIED_INTEGRATION_EXPERIENCES',
			array(
				'spa'   => true,
				'rules' => array(
					self::rules()[0],
					array(
						'id'   => 'bad',
						'when' => array(),
						'then' => array( 'action' => 'hide_all' ),
					),
				),
			)
		);

		$settings = Plugin::instance()->settings->get();
		$this->assertSame(
			array(
				'spa'   => true,
				'rules' => array( self::rules()[0] ),
			),
			$settings['experiences']
		);
		$this->assertContains( 'experiences', Plugin::instance()->settings->locked_fields() );
		$this->assertStringContainsString( 'QUALIFIED_INTEGRATION_EXPERIENCES', Plugin::instance()->settings->problems()['experiences'] );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$read   = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/qualified-integration/v1/settings' ) );
		$locked = (array) $read->get_data()['locked'];
		$this->assertSame( 'QUALIFIED_INTEGRATION_EXPERIENCES', $locked['experiences']['constant'] );
		$this->assertStringContainsString( 'Rule 2, Action:', (string) $locked['experiences']['error'] );

		$write = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$write->set_header( 'Content-Type', 'application/json' );
		$write->set_body( (string) wp_json_encode( array( 'experiences' => $stored ) ) );
		$response = rest_get_server()->dispatch( $write );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'Experiences: locked by the QUALIFIED_INTEGRATION_EXPERIENCES constant in wp-config.php.', $response->get_data()['data']['params']['experiences'] );
		$this->assertSame( $stored, Plugin::instance()->settings->stored()['experiences'] );
	}
}
