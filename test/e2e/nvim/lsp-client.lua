-- Headless Neovim (0.7+) as an LSP client for Agentry's end-to-end tests.
-- Starts a language server over stdio, opens one file, collects the diagnostics the server
-- publishes for it, optionally sends requests (hover, completion, ...) at given positions,
-- writes everything as JSON and exits (0 when the wait condition was met, 1 otherwise).
--
-- Driven by environment variables (test/e2e/lib/nvim.ts sets them):
--   LSP_CMD_JSON   server command as a JSON array, e.g. ["node","dist/server.js","--stdio"]
--   LSP_FILE       file to open
--   LSP_FILETYPE   filetype / languageId (default: the file's extension)
--   LSP_OUT        where to write the JSON result
--   LSP_TIMEOUT    ms to wait for diagnostics (default 20000)
--   LSP_WAIT       'nonempty' (default): wait for a non-empty publish; 'any': any publish for the file
--   LSP_SETTLE     ms to keep listening after the condition is met, for later publishes (default 300)
--   LSP_ROOT       root directory (default: the file's directory)
--   LSP_SETTINGS_JSON      settings answered to workspace/configuration (default {})
--   LSP_INIT_OPTIONS_JSON  initializationOptions (default none)
--   LSP_REQUESTS_JSON      [{ "method": "textDocument/hover", "line": 0, "character": 3, "context"?: {...} }, ...]
--                          positions are 0-based (LSP); results are returned in order. A request with
--                          "range" sends it instead of "position" (textDocument/codeAction); with
--                          "includeDiagnostics": true, context.diagnostics gets the published
--                          diagnostics that touch the range (or position)

local function env_json(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return vim.fn.json_decode(v)
end

local cmd      = assert(env_json('LSP_CMD_JSON', nil), 'LSP_CMD_JSON unset')
local file     = vim.fn.fnamemodify(assert(os.getenv('LSP_FILE'), 'LSP_FILE unset'), ':p')
local ft       = os.getenv('LSP_FILETYPE') or vim.fn.fnamemodify(file, ':e')
local out      = os.getenv('LSP_OUT') or 'lsp-result.json'
local timeout  = tonumber(os.getenv('LSP_TIMEOUT') or '20000')
local wait_for = os.getenv('LSP_WAIT') or 'nonempty'
local settle   = tonumber(os.getenv('LSP_SETTLE') or '300')
local root     = os.getenv('LSP_ROOT') or vim.fn.fnamemodify(file, ':h')
local settings = env_json('LSP_SETTINGS_JSON', vim.empty_dict())
local init_options = env_json('LSP_INIT_OPTIONS_JSON', nil)
local requests = env_json('LSP_REQUESTS_JSON', {})
local uri      = vim.uri_from_fname(file)

local last, publishes, server_log, exit_info = nil, 0, {}, nil

local function write_result(tbl)
  local fh = assert(io.open(out, 'w'))
  fh:write(vim.fn.json_encode(tbl))
  fh:close()
end

local client_id = vim.lsp.start_client({
  name = 'agentry-e2e',
  cmd = cmd,
  root_dir = root,
  settings = settings,
  init_options = init_options,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if result and result.uri == uri then
        last = result
        publishes = publishes + 1
      end
    end,
    ['window/logMessage'] = function(_, r) table.insert(server_log, r.message) end,
    ['window/showMessage'] = function(_, r) table.insert(server_log, r.message) end,
  },
  on_exit = function(code, signal) exit_info = { code = code, signal = signal } end,
})
if not client_id then
  write_result({ ok = false, error = 'failed to start LSP server', uri = uri })
  vim.cmd('cq!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = ft -- becomes languageId in didOpen
vim.lsp.buf_attach_client(bufnr, client_id)

local function met()
  if last == nil then return false end
  if wait_for == 'any' then return true end
  return #last.diagnostics > 0
end

local ok = vim.wait(timeout, function() return met() or exit_info ~= nil end, 20)
ok = ok and met()
if ok and settle > 0 then vim.wait(settle, function() return exit_info ~= nil end, 20) end

local function before(a, b) -- position a <= position b
  return a.line < b.line or (a.line == b.line and a.character <= b.character)
end

local responses = {}
for i, req in ipairs(requests) do
  local position = { line = req.line or 0, character = req.character or 0 }
  local params = { textDocument = { uri = uri }, context = req.context }
  local range = req.range
  if range then params.range = range else params.position = position end
  if req.includeDiagnostics then
    -- context.diagnostics (as for textDocument/codeAction): the last published ones that touch the range
    range = range or { start = position, ['end'] = position }
    local touching = {}
    for _, d in ipairs(last and last.diagnostics or {}) do
      if before(d.range.start, range['end']) and before(range.start, d.range['end']) then table.insert(touching, d) end
    end
    params.context = vim.tbl_extend('force', req.context or {}, { diagnostics = touching })
  end
  local res, err = vim.lsp.buf_request_sync(bufnr, req.method, params, req.timeout or 10000)
  local entry = { method = req.method }
  if res and res[client_id] then
    entry.result = res[client_id].result
    entry.error = res[client_id].err
  else
    entry.error = err or 'no response'
  end
  if entry.result == nil then entry.result = vim.NIL end
  responses[i] = entry
end

write_result({
  ok = ok,
  uri = uri,
  publishes = publishes,
  diagnostics = last and last.diagnostics or vim.NIL,
  responses = responses,
  serverLog = server_log,
  serverExit = exit_info or vim.NIL,
})

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return exit_info ~= nil end, 20)
vim.cmd(ok and 'qa!' or 'cq!')
