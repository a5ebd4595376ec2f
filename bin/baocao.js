#!/usr/bin/env node
import '../dist/baocao.js';
