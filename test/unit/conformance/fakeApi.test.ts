// The loopback fake of the Messages API: its SSE stream parses back to the blocks it was given,
// the main conversation's first request gets one Agent call per target, and each spawned
// agent's request is recorded (model, tool names) from a real HTTP request.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_PROMPT, respond, startFakeApi, type FakeApiState } from '../../../conformance/src/fakeApi.js';
import { messageStream, parseEvents } from '../../../conformance/src/sse.js';

const fresh = (targets: string[]): FakeApiState => ({ targets, spawns: [], results: [], requests: [] });
const user = (text: string) => ({ role: 'user', content: [{ type: 'text', text }] });

describe('conformance: SSE', () => {
  it('streams a tool call as the Messages API does, with the input as one JSON delta', () => {
    const events = parseEvents(messageStream('m', [{ type: 'tool_use', id: 't1', name: 'Agent', input: { subagent_type: 'x' } }]));
    assert.deepEqual(
      events.map((event) => event.event),
      ['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'],
    );
    const delta = events[2].data as { delta: { type: string; partial_json: string } };
    assert.equal(delta.delta.type, 'input_json_delta');
    assert.deepEqual(JSON.parse(delta.delta.partial_json), { subagent_type: 'x' });
    assert.equal((events[4].data as { delta: { stop_reason: string } }).delta.stop_reason, 'tool_use');
  });

  it('ends a text answer with end_turn', () => {
    const events = parseEvents(messageStream('m', [{ type: 'text', text: 'ok' }]));
    assert.equal((events[2].data as { delta: { text: string } }).delta.text, 'ok');
    assert.equal((events[4].data as { delta: { stop_reason: string } }).delta.stop_reason, 'end_turn');
  });
});

describe('conformance: fake Messages API', () => {
  it('answers the main conversation with one Agent call per target, and with Task where only that exists', () => {
    const state = fresh(['a', ' spaced ']);
    const blocks = respond({ model: 'main', messages: [user(MAIN_PROMPT)], tools: [{ name: 'Read' }, { name: 'Agent' }] }, state);
    assert.deepEqual(
      blocks.map((block) => block.type === 'tool_use' && [block.name, (block.input as { subagent_type: string }).subagent_type]),
      [
        ['Agent', 'a'],
        ['Agent', ' spaced '],
      ],
    );
    const old = respond({ model: 'main', messages: [user(MAIN_PROMPT)], tools: [{ name: 'Task' }] }, fresh(['a']));
    assert.equal(old[0].type === 'tool_use' && old[0].name, 'Task');
  });

  it('records a spawned agent once, by the exact name in its prompt (blanks kept)', () => {
    const state = fresh([' spaced ']);
    respond({ model: 'claude-haiku', messages: [user('context\nconformance-probe: spaced \n')], tools: [{ name: 'Read' }, { name: 'Grep' }] }, state);
    respond({ model: 'claude-haiku', messages: [user('conformance-probe: spaced '), { role: 'assistant', content: 'x' }, user('more')], tools: [] }, state);
    assert.deepEqual(state.spawns, [{ agent: ' spaced ', model: 'claude-haiku', tools: ['Read', 'Grep'] }]);
  });

  it('records the refusal the main conversation gets back as a tool result', () => {
    const state = fresh(['zero']);
    const [call] = respond({ model: 'main', messages: [user(MAIN_PROMPT)], tools: [{ name: 'Agent' }] }, state);
    assert.equal(call.type, 'tool_use');
    const id = call.type === 'tool_use' ? call.id : '';
    const after = respond(
      {
        model: 'main',
        messages: [user(MAIN_PROMPT), { role: 'assistant', content: [call] }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, is_error: true, content: "Agent 'zero' would be spawned with zero tools — refusing." }] }],
        tools: [{ name: 'Agent' }],
      },
      state,
    );
    assert.deepEqual(after, [{ type: 'text', text: 'done' }]);
    assert.deepEqual(state.results, [{ agent: 'zero', isError: true, text: "Agent 'zero' would be spawned with zero tools — refusing." }]);
  });

  it('answers anything else with a short text and records nothing', () => {
    const state = fresh(['a']);
    assert.deepEqual(respond({ model: 'x', messages: [user('summarise this session')] }, state), [{ type: 'text', text: 'ok' }]);
    assert.deepEqual(respond({}, state), [{ type: 'text', text: 'ok' }]);
    assert.deepEqual(state.spawns, []);
  });

  it('serves streaming and plain requests on 127.0.0.1 only, and stops', async () => {
    const api = await startFakeApi(['a']);
    try {
      assert.match(api.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const streamed = await fetch(`${api.url}/v1/messages?beta=true`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: true, messages: [user('conformance-probe:a')], tools: [{ name: 'Read' }] }) });
      assert.equal(streamed.headers.get('content-type'), 'text/event-stream');
      assert.equal(parseEvents(await streamed.text()).at(-1)!.event, 'message_stop');
      const plain = await fetch(`${api.url}/v1/messages`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [user('hello')] }) });
      assert.equal(((await plain.json()) as { content: { text: string }[] }).content[0].text, 'ok');
      const count = await fetch(`${api.url}/v1/messages/count_tokens`, { method: 'POST', body: '{}' });
      assert.deepEqual(await count.json(), { input_tokens: 1 });
      const broken = await fetch(`${api.url}/v1/messages`, { method: 'POST', body: 'not json' });
      assert.equal(broken.status, 500);
      assert.deepEqual(api.state.spawns, [{ agent: 'a', model: 'm', tools: ['Read'] }]);
    } finally {
      await api.close();
    }
    await assert.rejects(fetch(`${api.url}/v1/messages`, { method: 'POST', body: '{}' }));
  });
});
