// The Messages API's streaming (SSE) format, as much of it as Claude Code needs to accept an
// answer: one assistant message holding text or tool_use blocks.

export type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown };

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify({ type: name, ...(data as object) })}\n\n`;
}

/** The SSE body of one assistant message made of `blocks`, for a request that asked for `model`. */
export function messageStream(model: string, blocks: Block[], messageId = 'msg_conformance'): string {
  const stopReason = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  let body = event('message_start', {
    message: {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    },
  });
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      body += event('content_block_start', { index, content_block: { type: 'text', text: '' } });
      body += event('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      body += event('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      body += event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    body += event('content_block_stop', { index });
  });
  body += event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 1 } });
  body += event('message_stop', {});
  return body;
}

/** Parses an SSE body back into its events (for tests and for reading recorded answers). */
export function parseEvents(body: string): { event: string; data: unknown }[] {
  return body
    .split('\n\n')
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const lines = chunk.split('\n');
      const name = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? '';
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event: name, data: JSON.parse(data) };
    });
}
