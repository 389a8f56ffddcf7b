#!/usr/bin/env node
// Launcher for any LSP editor: `rubric-language-server --stdio`.
require('../out/server.js');
