/**
 * A refusal in a notice: one line saying what did not happen, then every
 * reason, each on its own line.
 */

/**
 * @param props          Props.
 * @param props.heading  What did not happen.
 * @param props.messages The reasons, as the server or the size check gave them.
 */
export function MessageList( {
	heading,
	messages,
}: {
	heading: string;
	messages: readonly string[];
} ) {
	return (
		<>
			<p>{ heading }</p>
			<ul className="qi-transfer__messages">
				{ messages.map( ( message ) => (
					<li key={ message }>{ message }</li>
				) ) }
			</ul>
		</>
	);
}
