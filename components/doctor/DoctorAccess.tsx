"use client";
import { createContext, useContext } from "react";

/** The inspector's token for the doctor's route (`POST /api/doctor`), given by InspectorApp. */
export const DoctorAccess = createContext<string | undefined>(undefined);

export const useDoctorToken = () => useContext(DoctorAccess);
