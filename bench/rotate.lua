-- Cold rotation for wrk: every request a different address from a file (one path per line), so no cached
-- page can answer. Each wrk thread takes its own share (thread k: lines k, k+T, k+2T, …), so the threads
-- never repeat each other's addresses.   wrk -t2 -c16 -d3s -s bench/rotate.lua http://host:port/ -- paths.txt
local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
   for _, t in ipairs(threads) do t:set("nthreads", #threads) end
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
   end
   step = nthreads or 2
   counter = id
end

function request()
   local path = paths[(counter % #paths) + 1]
   counter = counter + step
   return wrk.format("GET", path)
end
