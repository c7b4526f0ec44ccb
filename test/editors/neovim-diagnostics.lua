-- Run by neovim.test.ts in `nvim --headless`, after the README's init.lua snippet:
-- opens one model (the snippet starts Neovim's own LSP client on
-- `joinery-language-server --stdio`), waits until every file's diagnostics have
-- arrived and settled, and writes what vim.diagnostic holds as JSON.
local env = vim.env
local expected_files = tonumber(env.JOINERY_FILES)
local published, last_publish = {}, vim.loop.now()

local show = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = true
  last_publish = vim.loop.now()
  return show(err, result, ctx, config)
end

vim.cmd('edit ' .. vim.fn.fnameescape(env.JOINERY_FILE))

local settled = vim.wait(30000, function()
  return vim.tbl_count(published) >= expected_files and vim.loop.now() - last_publish > 1000
end, 50)

local clients = vim.lsp.buf_get_clients(0)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get()) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, {
    file = vim.api.nvim_buf_get_name(d.bufnr),
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code,
  })
end
vim.fn.writefile({ vim.fn.json_encode({
  filetype = vim.bo.filetype, clients = vim.tbl_count(clients),
  settled = settled, files = vim.tbl_count(published), diagnostics = diagnostics,
}) }, env.JOINERY_OUT)
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.cmd('qa!')
