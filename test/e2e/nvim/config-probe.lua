-- Headless Neovim (0.7+), run after a user's own init.lua (the README's snippet): opens an agent
-- file and then a Markdown file outside any agents folder, waits for the agent file's diagnostics
-- and writes, as JSON, the diagnostics and the LSP clients attached to each buffer. Exits 0 when
-- diagnostics arrived, 1 otherwise. Environment (test/e2e/lib/nvim.ts sets it):
--   LSP_FILE     the agent file          LSP_OTHER    the other Markdown file
--   LSP_OUT      where to write the JSON LSP_TIMEOUT  ms to wait for diagnostics (default 20000)

local out = assert(os.getenv('LSP_OUT'), 'LSP_OUT unset')
local timeout = tonumber(os.getenv('LSP_TIMEOUT') or '20000')

local function client_names(bufnr)
  local names = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(names, client.name) end
  return names
end

local function open(file)
  assert(file, 'file unset')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  return vim.api.nvim_get_current_buf()
end

local agent = open(os.getenv('LSP_FILE'))
local ok = vim.wait(timeout, function() return #vim.diagnostic.get(agent) > 0 end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(agent)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, { code = d.code or lsp.code or vim.NIL, lnum = d.lnum, col = d.col, source = d.source or vim.NIL })
end

local other = open(os.getenv('LSP_OTHER'))
vim.wait(500, function() return false end, 50) -- time for a FileType autocommand to attach a client

local fh = assert(io.open(out, 'w'))
fh:write(vim.fn.json_encode({ ok = ok, diagnostics = diagnostics, agentClients = client_names(agent), otherClients = client_names(other) }))
fh:close()

for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd(ok and 'qa!' or 'cq!')
